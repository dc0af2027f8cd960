import type { ClientContext } from "@kakunin/contracts/core-api";
import type { Context } from "hono";
import type { AppEnv } from "./types.ts";

/** The client's address: the TCP peer, or X-Forwarded-For's nearest hop behind a trusted proxy. */
export function clientAddress(c: Context<AppEnv>): string | null {
  const { config, remoteAddress } = c.get("deps");
  if (config.trustProxy) {
    const hops = c.req
      .header("x-forwarded-for")
      ?.split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    const nearest = hops?.at(-1);
    if (nearest) return nearest;
  }
  return remoteAddress?.(c) ?? null;
}

/**
 * Header values may carry C1 control bytes (Latin-1 obs-text), which core's contract refuses
 * and which would reach an operator's terminal through the audit trail; they are informational
 * here, so they are replaced rather than the request refused.
 */
const printable = (value: string) => value.replace(/\p{Cc}/gu, "\ufffd");

export function clientContext(c: Context<AppEnv>): ClientContext {
  const address = clientAddress(c);
  const userAgent = c.req.header("user-agent");
  return {
    ipAddress: address === null ? null : printable(address).slice(0, 64),
    userAgent: userAgent === undefined ? null : printable(userAgent).slice(0, 512),
  };
}

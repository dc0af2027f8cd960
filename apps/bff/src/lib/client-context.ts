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

export function clientContext(c: Context<AppEnv>): ClientContext {
  return { ipAddress: clientAddress(c), userAgent: c.req.header("user-agent")?.slice(0, 512) ?? null };
}

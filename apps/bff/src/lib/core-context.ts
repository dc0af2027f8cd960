import type { Context } from "hono";
import type { AppEnv } from "./types.ts";

/** What a core call made for this request carries: the request id, for the logs of both. */
export const requestOf = (c: { get(key: "requestId"): string }) => ({ requestId: c.get("requestId") });

/** The logged-in customer's path parameter and this request's id, for core's per-customer routes. */
export function customerCall(c: Context<AppEnv>) {
  const session = c.get("session");
  if (!session) throw new Error("requireSession middleware missing");
  return { params: { customerId: session.data.customerId }, requestId: c.get("requestId") };
}

/** The Idempotency-Key the `idempotent` middleware accepted, passed to core so a retry executes once (R26). */
export function requestKeyOf(c: Context<AppEnv>): string {
  const key = c.get("idempotencyKey");
  if (!key) throw new Error("idempotent middleware missing");
  return key;
}

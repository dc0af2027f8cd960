import type { Context } from "hono";
import { localeOf } from "../middleware/locale.ts";
import type { AppEnv } from "./types.ts";

/**
 * What a core call made for this request carries: the request id, for the logs of both, and
 * the request's language, in which core words its refusals (R36).
 */
export const requestOf = (c: Context<AppEnv>) => ({ requestId: c.get("requestId"), locale: localeOf(c) });

/** The logged-in customer's path parameter with `requestOf`, for core's per-customer routes. */
export function customerCall(c: Context<AppEnv>) {
  const session = c.get("session");
  if (!session) throw new Error("requireSession middleware missing");
  return { params: { customerId: session.data.customerId }, ...requestOf(c) };
}

/** The Idempotency-Key the `idempotent` middleware accepted, passed to core so a retry executes once (R26). */
export function requestKeyOf(c: Context<AppEnv>): string {
  const key = c.get("idempotencyKey");
  if (!key) throw new Error("idempotent middleware missing");
  return key;
}

import type { RouteHandler } from "@hono/zod-openapi";
import { recordAudit } from "../../domain/audit.ts";
import { findLoginCustomer } from "../../domain/logins.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { recordLoginThrottle } from "./login-throttles.routes.ts";

/**
 * Audits that the BFF's login throttle engaged (R1, R29). Later refused attempts stop at the
 * BFF, so this record is what tells an operator that a code or a client is being guessed at.
 * An unknown code is kept as the subject, as for failed logins.
 */
export const recordLoginThrottleHandler: RouteHandler<typeof recordLoginThrottle, AppBindings> = async (c) => {
  const { scope, customerCode, client, retryAfterSeconds } = c.req.valid("json");
  const db = c.get("db");
  const customer = await findLoginCustomer(db, customerCode);
  await recordAudit(db, {
    eventType: "login_throttle",
    outcome: "throttled",
    customerId: customer?.id ?? null,
    subject: customerCode,
    client,
    requestId: c.get("requestId"),
    detail: { scope, retryAfterSeconds },
  });
  return c.json({ recorded: true as const }, 200);
};

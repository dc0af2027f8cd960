import type { CustomerSummary } from "@kakunin/contracts/customers";
import type { Context } from "hono";
import { clientContext } from "../../lib/client-context.ts";
import { newSessionId } from "../../lib/session-store.ts";
import type { AppEnv } from "../../lib/types.ts";
import { describeSession, readSessionCookie, remainingTtl, setSessionCookie } from "../../middleware/session.ts";

/**
 * Starts the session of a customer core just verified, whatever the means (password or
 * passkey): a new id at every login (session fixation), any previous session of this
 * browser ended, the cookie set. Answers what GET /api/session would.
 */
export async function startSession(c: Context<AppEnv>, customer: CustomerSummary, method: "password" | "passkey") {
  const { sessions, config, now, logger } = c.get("deps");
  const previous = readSessionCookie(c);
  if (previous) await sessions.delete(previous);
  const t = now();
  // Where it started from, for ログイン中の端末 (R32); the same values core audits for the login.
  const { userAgent, ipAddress } = clientContext(c);
  const data = {
    customerId: customer.id,
    customerCode: customer.customerCode,
    name: customer.name,
    createdAt: t,
    lastSeenAt: t,
    userAgent,
    ipAddress,
  };
  const id = newSessionId();
  await sessions.set(id, data, remainingTtl(data, config));
  setSessionCookie(c, id);
  logger.info({ requestId: c.get("requestId"), customerId: customer.id, method }, "login");
  return describeSession(data, config, t);
}

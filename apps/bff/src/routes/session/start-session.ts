import type { CustomerSummary } from "@kakunin/contracts/customers";
import type { Locale } from "@kakunin/contracts/locale";
import type { Context } from "hono";
import { clientContext } from "../../lib/client-context.ts";
import { newSessionId } from "../../lib/session-store.ts";
import type { AppEnv } from "../../lib/types.ts";
import { setLocaleCookie } from "../../middleware/locale.ts";
import { describeSession, readSessionCookie, remainingTtl, setSessionCookie } from "../../middleware/session.ts";

/** What core answers a verified login (password or passkey): who, and the language they chose. */
export interface CoreLogin {
  customer: CustomerSummary;
  locale: Locale;
}

/**
 * Starts the session of a customer core just verified, whatever the means (password or
 * passkey): a new id at every login (session fixation), any previous session of this
 * browser ended, the cookie set. The customer's language (R36) becomes this browser's: the
 * language cookie is set to it. Answers what GET /api/session would.
 */
export async function startSession(c: Context<AppEnv>, login: CoreLogin, method: "password" | "passkey") {
  const { customer, locale } = login;
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
    locale,
  };
  const id = newSessionId();
  await sessions.set(id, data, remainingTtl(data, config));
  setSessionCookie(c, id);
  setLocaleCookie(c, locale);
  logger.info({ requestId: c.get("requestId"), customerId: customer.id, method }, "login");
  return describeSession(c, data, t);
}

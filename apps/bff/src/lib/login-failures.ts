import type { Context } from "hono";
import { ApiError } from "./api-error.ts";
import { clientAddress, clientContext } from "./client-context.ts";
import { requestOf } from "./core-context.ts";
import type { ThrottleKeys } from "./login-throttle.ts";
import type { AppEnv } from "./types.ts";

/**
 * Refuses a login-password attempt the throttle does not admit (429 with Retry-After), after
 * waiting for the client's turn when it is paced (decision 011). Refused attempts never reach core.
 */
export async function enforceLoginThrottle(c: Context<AppEnv>, keys: ThrottleKeys): Promise<void> {
  const admission = await c.get("deps").loginThrottle.admit(keys);
  if (!admission.allowed) {
    throw new ApiError("rate_limited", 429, { headers: { "retry-after": String(admission.retryAfterSeconds) } });
  }
}

/**
 * A wrong login password (at login, or as the current one on ログインパスワード変更) counts
 * toward the throttle (R1). When it reaches a limit, core audits that the throttle engaged
 * (R29): the attempts refused after it stop here and never reach core's audit trail.
 */
export async function recordLoginFailure(c: Context<AppEnv>, keys: ThrottleKeys): Promise<void> {
  const { loginThrottle, core, logger } = c.get("deps");
  const requestId = c.get("requestId");
  const engaged = await loginThrottle.recordFailure(keys);
  for (const { scope, retryAfterSeconds } of engaged) {
    try {
      await core.call("recordLoginThrottle", {
        body: { scope, customerCode: keys.customerCode, client: clientContext(c), retryAfterSeconds },
        ...requestOf(c),
      });
    } catch (err) {
      // The refusal stands either way; operators learn of the missing record from the log.
      logger.error({ err, requestId, scope }, "could not audit that the login throttle engaged");
    }
  }
}

/** A passkey login's admission: the client's pacing only (no customer code to count against). */
export async function enforcePasskeyLoginThrottle(c: Context<AppEnv>): Promise<void> {
  const admission = await c.get("deps").loginThrottle.admitClient(clientAddress(c));
  if (!admission.allowed) {
    throw new ApiError("rate_limited", 429, { headers: { "retry-after": String(admission.retryAfterSeconds) } });
  }
}

/**
 * A passkey login core refused counts toward the client's failures. Core's throttle audit
 * (recordLoginThrottle) names a customer code, which a passkey login has none of, so a limit
 * it reaches is logged for the operators instead.
 */
export async function recordPasskeyLoginFailure(c: Context<AppEnv>): Promise<void> {
  const { loginThrottle, logger } = c.get("deps");
  const engaged = await loginThrottle.recordClientFailure(clientAddress(c));
  for (const { scope, retryAfterSeconds } of engaged) {
    logger.warn(
      { requestId: c.get("requestId"), scope, retryAfterSeconds },
      "login throttle engaged by passkey logins",
    );
  }
}

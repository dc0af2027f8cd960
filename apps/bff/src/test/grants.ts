import { randomUUID } from "node:crypto";
import { type StepUpOperation, stepUpOperations } from "@kakunin/contracts/step-up";
import type { CookieBox } from "../lib/step-up/cookie-box.ts";
import { operationDigest, sessionBinding } from "../lib/step-up/digest.ts";
import type { BffConfig } from "../lib/types.ts";

/**
 * TEST ONLY: step-up cookies exactly as a verified confirmation leaves them, sealed with the
 * BFF's own key, so the fuzz (in-process and against a started BFF whose STEP_UP_KEYS it
 * knows) reaches guarded routes past the guard without a confirmation round trip per request.
 */
export function createGrantMinter(cookieBox: CookieBox, now: () => number, stepUp: BffConfig["stepUp"]) {
  /**
   * A once-grant for `payload` as it is, without the operation's schema: what a confirmation
   * made while the schema let the payload through (before F2) left behind.
   */
  async function uncheckedOnceGrant(sessionId: string, operation: StepUpOperation, payload: unknown) {
    const jti = randomUUID();
    const value = await cookieBox.seal(
      {
        operation,
        digest: operationDigest(operation, payload),
        jti,
        sid: sessionBinding(stepUp.bindingKey, sessionId),
      },
      now() + stepUp.onceMs,
    );
    return { cookie: `__Host-kakunin-grant-once=${value}`, jti };
  }

  /**
   * A once-grant for exactly `payload` (normalised by the operation's schema, as the challenge
   * does), or null when the schema refuses it: no confirmation could ever be started for it.
   */
  async function onceGrant(sessionId: string, operation: StepUpOperation, payload: unknown) {
    const parsed = stepUpOperations[operation].payload.safeParse(payload);
    if (!parsed.success) return null;
    return uncheckedOnceGrant(sessionId, operation, parsed.data);
  }

  /** A once-grant for the first once-operation whose payload schema accepts `body`; null if none does. */
  async function grantFor(sessionId: string, body: unknown) {
    for (const operation of Object.keys(stepUpOperations) as StepUpOperation[]) {
      if (stepUpOperations[operation].grant !== "once") continue;
      const grant = await onceGrant(sessionId, operation, body);
      if (grant) return grant;
    }
    return null;
  }

  /** The registered-information viewing window (R21), as a verified 照会 leaves it. */
  async function viewingWindow(sessionId: string) {
    const until = now() + stepUp.windowMs;
    const value = await cookieBox.seal(
      { ops: { view_registered_info: until }, sid: sessionBinding(stepUp.bindingKey, sessionId) },
      until,
    );
    return `__Host-kakunin-grant-window=${value}`;
  }

  /** A started confirmation (as POST /api/step-up/challenges leaves it) waiting for the 執行パスワード. */
  async function pendingConfirmation(sessionId: string) {
    const value = await cookieBox.seal(
      {
        operation: "view_registered_info",
        digest: operationDigest("view_registered_info", {}),
        methods: ["execution_password"],
        sid: sessionBinding(stepUp.bindingKey, sessionId),
      },
      now() + stepUp.challengeMs,
    );
    return `__Host-kakunin-stepup=${value}`;
  }

  return { onceGrant, uncheckedOnceGrant, grantFor, viewingWindow, pendingConfirmation };
}

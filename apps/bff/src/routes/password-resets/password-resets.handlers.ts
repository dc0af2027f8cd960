import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  completePasswordResetRequestSchema,
  type PasswordResetCompleted,
  type PasswordResetStarted,
  startPasswordResetRequestSchema,
} from "@kakunin/contracts/password-reset";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createFactory } from "hono/factory";
import { z } from "zod";
import { ApiError } from "../../lib/api-error.ts";
import { clientAddress, clientContext } from "../../lib/client-context.ts";
import { CoreError } from "../../lib/core-client.ts";
import { requestOf } from "../../lib/core-context.ts";
import { enforceLoginThrottle, recordLoginFailure } from "../../lib/login-failures.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";

const factory = createFactory<AppEnv>();

/** Sent as `__Host-kakunin-password-reset`: binds the reset in progress to this browser. */
const RESET_COOKIE = "kakunin-password-reset";
const cookieOptions = { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict" } as const;

/** R13: a code is valid 10 minutes; the cookie lives as long, whether or not a code was mailed. */
export const RESET_CODE_VALID_MINUTES = 10;
/**
 * Every start answers after at least this long (decision 015): core mails a code only on a
 * match, so without a floor the answer's timing would tell whether a customer matched.
 */
export const RESET_START_MIN_MS = 400;

const sealedResetSchema = z.object({ resetId: z.uuid(), customerCode: z.string() });

/** What the sealed cookie names; null when absent, tampered with or expired. */
async function readResetCookie(c: Context<AppEnv>) {
  const token = getCookie(c, RESET_COOKIE, "host");
  if (!token) return null;
  const parsed = sealedResetSchema.safeParse(await c.get("deps").cookieBox.open(token));
  return parsed.success ? parsed.data : null;
}

const invalidCode = () => new ApiError("password_reset_code_invalid", 422);

/**
 * POST /api/password-resets: お客様コード + 生年月日 (ログインパスワードをお忘れの方). One answer
 * and one cookie whatever matched, never before RESET_START_MIN_MS; a mismatch counts like a
 * wrong login password (same throttle, same keys), so guessing birth dates is throttled too.
 */
export const startPasswordReset = factory.createHandlers(
  requireJson,
  jsonBody(startPasswordResetRequestSchema),
  async (c) => {
    const started = performance.now();
    try {
      const { customerCode, birthDate } = c.req.valid("json");
      const { core, cookieBox, now } = c.get("deps");
      const keys = { customerCode, clientAddress: clientAddress(c) };
      await enforceLoginThrottle(c, keys);
      const { reset } = await core.call("startPasswordReset", {
        body: { customerCode, birthDate, client: clientContext(c) },
        ...requestOf(c),
      });
      if (!reset) await recordLoginFailure(c, keys);
      // A mismatch gets a reset id that names nothing, so the next step answers as for a wrong code.
      const expiresAt = now() + RESET_CODE_VALID_MINUTES * 60_000;
      const sealed = await cookieBox.seal({ resetId: reset?.id ?? randomUUID(), customerCode }, expiresAt);
      setCookie(c, RESET_COOKIE, sealed, { ...cookieOptions, maxAge: RESET_CODE_VALID_MINUTES * 60 });
      const body: PasswordResetStarted = { accepted: true, codeValidMinutes: RESET_CODE_VALID_MINUTES };
      return c.json(body);
    } finally {
      const left = RESET_START_MIN_MS - (performance.now() - started);
      if (left > 0) await sleep(left);
    }
  },
);

/**
 * POST /api/password-resets/completion: the mailed code and the new ログインパスワード. A wrong
 * code counts toward the login throttle of the cookie's customer code. On success every
 * session of the customer ends, this browser's too: the customer logs in with the new password.
 */
export const completePasswordReset = factory.createHandlers(
  requireJson,
  jsonBody(completePasswordResetRequestSchema),
  async (c) => {
    const request = c.req.valid("json");
    const reset = await readResetCookie(c);
    if (!reset) throw invalidCode();
    const { core, loginThrottle, sessions, logger } = c.get("deps");
    const keys = { customerCode: reset.customerCode, clientAddress: clientAddress(c) };
    await enforceLoginThrottle(c, keys);
    let done: { customerId: string; changedAt: string };
    try {
      done = await core.call("completePasswordReset", {
        body: { resetId: reset.resetId, request, client: clientContext(c) },
        ...requestOf(c),
      });
    } catch (err) {
      if (err instanceof CoreError && err.body.error.code === "password_reset_code_invalid") {
        await recordLoginFailure(c, keys);
      }
      throw err;
    }
    await loginThrottle.recordSuccess(keys);
    // No session id is kept: every session of the customer ends (a fresh id matches none).
    const ended = await sessions.deleteOthers(done.customerId, randomUUID());
    logger.info({ ended }, "sessions ended by a password reset");
    deleteCookie(c, RESET_COOKIE, cookieOptions);
    const body: PasswordResetCompleted = { changedAt: done.changedAt };
    return c.json(body);
  },
);

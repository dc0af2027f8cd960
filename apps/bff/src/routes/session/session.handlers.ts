import { loginRequestSchema } from "@kakunin/contracts/auth";
import { deviceVerificationRequestSchema } from "@kakunin/contracts/devices";
import { createFactory } from "hono/factory";
import { ApiError } from "../../lib/api-error.ts";
import { clientAddress, clientContext } from "../../lib/client-context.ts";
import { CoreError } from "../../lib/core-client.ts";
import { requestOf } from "../../lib/core-context.ts";
import {
  clearPendingDeviceLogin,
  ensureDeviceHash,
  readPendingDeviceLogin,
  setPendingDeviceLogin,
} from "../../lib/device.ts";
import { enforceLoginThrottle, recordLoginFailure } from "../../lib/login-failures.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import {
  clearSessionCookie,
  describeSession,
  lookupSession,
  readSessionCookie,
  requireSession,
  touchSession,
} from "../../middleware/session.ts";
import { type CoreLogin, startSession } from "./start-session.ts";

const factory = createFactory<AppEnv>();

/** GET /api/session: who is logged in; never extends the session. */
export const getSession = factory.createHandlers(async (c) => {
  const found = await lookupSession(c);
  if (found.status === "active") return c.json(describeSession(c, found.data));
  if (found.status === "expired") return c.json({ authenticated: false, reason: "session_expired" });
  if (found.status === "revoked") return c.json({ authenticated: false, reason: "session_revoked" });
  return c.json({ authenticated: false });
});

/**
 * POST /api/session/extension: 延長 in the 自動ログアウト warning. The customer asked, so the
 * idle timer restarts now (requireSession touches at most every 15 s; this always does).
 */
export const extendSession = factory.createHandlers(requireSession, async (c) => {
  const session = c.get("session");
  if (!session) throw new Error("requireSession middleware missing");
  const touched = await touchSession(c, session.id, session.data);
  return c.json(describeSession(c, touched));
});

/** POST /api/session: log in (R1, R5). */
export const login = factory.createHandlers(requireJson, jsonBody(loginRequestSchema), async (c) => {
  const { customerCode, password } = c.req.valid("json");
  const { core, loginThrottle } = c.get("deps");
  const keys = { customerCode, clientAddress: clientAddress(c) };

  await enforceLoginThrottle(c, keys);

  const deviceHash = ensureDeviceHash(c);
  let verified: CoreLogin;
  try {
    verified = await core.call("verifyLogin", {
      body: { customerCode, password, client: clientContext(c), deviceHash },
      ...requestOf(c),
    });
  } catch (err) {
    // Issue 15: the right password from a new device; core mailed a 認証コード. The pending
    // login is kept (sealed) until the code is entered at /api/session/device-verification.
    if (err instanceof CoreError && err.body.error.code === "device_verification_required") {
      await setPendingDeviceLogin(c, { customerCode, deviceHash });
    }
    // Only a wrong password counts; e.g. 403 passkey_login_required (the right password of an
    // account that logs in with its passkey) goes to the browser as core answered it.
    if (err instanceof CoreError && err.body.error.code === "invalid_credentials") {
      await recordLoginFailure(c, keys);
      throw new ApiError("invalid_credentials", 401);
    }
    throw err;
  }
  await loginThrottle.recordSuccess(keys);
  return c.json(await startSession(c, verified, "password"));
});

/**
 * POST /api/session/device-verification: the 認証コード of a login from a new device (issue
 * 15). Only for the pending login this browser started, from the same device; right, the
 * session starts exactly as after a normal login.
 */
export const verifyDevice = factory.createHandlers(
  requireJson,
  jsonBody(deviceVerificationRequestSchema),
  async (c) => {
    const { code } = c.req.valid("json");
    const { core, loginThrottle } = c.get("deps");
    const pending = await readPendingDeviceLogin(c);
    if (!pending || pending.deviceHash !== ensureDeviceHash(c)) {
      clearPendingDeviceLogin(c);
      throw new ApiError("device_verification_expired", 410);
    }
    let verified: CoreLogin;
    try {
      verified = await core.call("verifyLoginCode", {
        body: { ...pending, code, client: clientContext(c) },
        ...requestOf(c),
      });
    } catch (err) {
      if (err instanceof CoreError && err.body.error.code === "device_verification_expired") clearPendingDeviceLogin(c);
      throw err;
    }
    clearPendingDeviceLogin(c);
    await loginThrottle.recordSuccess({ customerCode: pending.customerCode, clientAddress: clientAddress(c) });
    return c.json(await startSession(c, verified, "password"));
  },
);

/** DELETE /api/session: log out; the session ends on the server, not just in the browser. */
export const logout = factory.createHandlers(async (c) => {
  const id = readSessionCookie(c);
  if (id) await c.get("deps").sessions.delete(id);
  clearSessionCookie(c);
  return c.body(null, 204);
});

import { loginRequestSchema } from "@kakunin/contracts/auth";
import { createFactory } from "hono/factory";
import { ApiError } from "../../lib/api-error.ts";
import { clientAddress, clientContext } from "../../lib/client-context.ts";
import { CoreError } from "../../lib/core-client.ts";
import { enforceLoginThrottle, recordLoginFailure } from "../../lib/login-failures.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { clearSessionCookie, describeSession, lookupSession, readSessionCookie } from "../../middleware/session.ts";
import { startSession } from "./start-session.ts";

const factory = createFactory<AppEnv>();

/** GET /api/session: who is logged in; never extends the session. */
export const getSession = factory.createHandlers(async (c) => {
  const found = await lookupSession(c);
  if (found.status === "active") return c.json(describeSession(found.data, c.get("deps").config));
  return c.json(
    found.status === "expired" ? { authenticated: false, reason: "session_expired" } : { authenticated: false },
  );
});

/** POST /api/session: log in (R1, R5). */
export const login = factory.createHandlers(requireJson, jsonBody(loginRequestSchema), async (c) => {
  const { customerCode, password } = c.req.valid("json");
  const { core, loginThrottle } = c.get("deps");
  const keys = { customerCode, clientAddress: clientAddress(c) };

  await enforceLoginThrottle(c, keys);

  let customer: { id: string; customerCode: string; name: string };
  try {
    ({ customer } = await core.call("verifyLogin", {
      body: { customerCode, password, client: clientContext(c) },
      requestId: c.get("requestId"),
    }));
  } catch (err) {
    // Only a wrong password counts; e.g. 403 passkey_login_required (the right password of an
    // account that logs in with its passkey) goes to the browser as core answered it.
    if (err instanceof CoreError && err.body.error.code === "invalid_credentials") {
      await recordLoginFailure(c, keys);
      throw new ApiError("invalid_credentials", 401);
    }
    throw err;
  }
  await loginThrottle.recordSuccess(keys);
  return c.json(await startSession(c, customer, "password"));
});

/** DELETE /api/session: log out; the session ends on the server, not just in the browser. */
export const logout = factory.createHandlers(async (c) => {
  const id = readSessionCookie(c);
  if (id) await c.get("deps").sessions.delete(id);
  clearSessionCookie(c);
  return c.body(null, 204);
});

import { changeExecutionPasswordRequestSchema, changeLoginPasswordRequestSchema } from "@kakunin/contracts/credentials";
import { createFactory } from "hono/factory";
import { clientAddress, clientContext } from "../../lib/client-context.ts";
import { CoreError } from "../../lib/core-client.ts";
import { customerCall } from "../../lib/core-context.ts";
import { enforceLoginThrottle, recordLoginFailure } from "../../lib/login-failures.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { sessionOf } from "./session-of.ts";

const factory = createFactory<AppEnv>();

/** GET /api/me/credentials: execution password state and the R11 schedule. */
export const getCredentials = factory.createHandlers(async (c) => {
  return c.json(await c.get("deps").core.call("getCredentialStatus", customerCall(c)));
});

/** PUT /api/me/execution-password: 執行パスワード変更 (R10). Core counts the current password toward the lock. */
export const changeExecutionPassword = factory.createHandlers(
  requireJson,
  jsonBody(changeExecutionPasswordRequestSchema),
  async (c) => {
    const result = await c.get("deps").core.call("changeExecutionPassword", {
      ...customerCall(c),
      body: { request: c.req.valid("json"), client: clientContext(c) },
    });
    return c.json(result);
  },
);

/**
 * PUT /api/me/login-password: ログインパスワード変更. A wrong current password counts toward
 * the login throttle (it is a password guess like any other); success ends every other session.
 */
export const changeLoginPassword = factory.createHandlers(
  requireJson,
  jsonBody(changeLoginPasswordRequestSchema),
  async (c) => {
    const session = c.get("session");
    const { customerId, customerCode } = sessionOf(c);
    const { core, sessions } = c.get("deps");
    const keys = { customerCode, clientAddress: clientAddress(c) };
    await enforceLoginThrottle(c, keys);
    try {
      const result = await core.call("changeLoginPassword", {
        ...customerCall(c),
        body: { request: c.req.valid("json"), client: clientContext(c) },
      });
      if (session) await sessions.deleteOthers(customerId, session.id);
      return c.json(result);
    } catch (err) {
      if (err instanceof CoreError && err.body.error.code === "wrong_current_password") {
        await recordLoginFailure(c, keys);
      }
      throw err;
    }
  },
);

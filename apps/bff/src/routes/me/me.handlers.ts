import { loginHistoryPageQuerySchema } from "@kakunin/contracts/pagination";
import { createFactory } from "hono/factory";
import { customerCall } from "../../lib/core-context.ts";
import type { AppEnv } from "../../lib/types.ts";
import { pageQuery } from "../../lib/validate.ts";

const factory = createFactory<AppEnv>();

export const getNotices = factory.createHandlers(async (c) => {
  return c.json(await c.get("deps").core.call("listNotices", customerCall(c)));
});

/** GET /api/me/login-history?cursor=: ログイン履歴, a page at a time (issue 16). */
export const getLoginHistory = factory.createHandlers(pageQuery(loginHistoryPageQuerySchema), async (c) => {
  return c.json(await c.get("deps").core.call("getLoginHistory", { ...customerCall(c), query: c.req.valid("query") }));
});

/**
 * GET /api/me/previous-login: 前回ログイン on 会員トップ (R42), the login before this session's.
 * The session's start tells core which login is this session's own.
 */
export const getPreviousLogin = factory.createHandlers(async (c) => {
  const session = c.get("session");
  if (!session) throw new Error("requireSession middleware missing");
  return c.json(
    await c.get("deps").core.call("getPreviousLogin", {
      ...customerCall(c),
      query: { sessionStartedAt: new Date(session.data.createdAt).toISOString() },
    }),
  );
});

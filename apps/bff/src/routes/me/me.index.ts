import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { requireSession } from "../../middleware/session.ts";
import { changeExecutionPassword, changeLoginPassword, getCredentials } from "./credentials.handlers.ts";
import { getLoginHistory, getNotices, getPreviousLogin } from "./me.handlers.ts";
import { listSessions, logoutOtherSessions, logoutSession } from "./sessions.handlers.ts";

/** The logged-in customer's own data; the customer id always comes from the session. */
export const meRoutes = new Hono<AppEnv>()
  .use("/me/*", requireSession)
  .get("/me/notices", ...getNotices)
  .get("/me/login-history", ...getLoginHistory)
  .get("/me/previous-login", ...getPreviousLogin)
  .get("/me/credentials", ...getCredentials)
  .put("/me/execution-password", ...changeExecutionPassword)
  .put("/me/login-password", ...changeLoginPassword)
  // ログイン中の端末 (R32); logout-others before :handle so it is not read as a handle.
  .get("/me/sessions", ...listSessions)
  .post("/me/sessions/logout-others", ...logoutOtherSessions)
  .post("/me/sessions/:handle/logout", ...logoutSession);

import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { requireSession } from "../../middleware/session.ts";
import { changeExecutionPassword, changeLoginPassword, getCredentials } from "./credentials.handlers.ts";
import { getLoginHistory, getNotices, getPreviousLogin } from "./me.handlers.ts";

/** The logged-in customer's own data; the customer id always comes from the session. */
export const meRoutes = new Hono<AppEnv>()
  .use("/me/*", requireSession)
  .get("/me/notices", ...getNotices)
  .get("/me/login-history", ...getLoginHistory)
  .get("/me/previous-login", ...getPreviousLogin)
  .get("/me/credentials", ...getCredentials)
  .put("/me/execution-password", ...changeExecutionPassword)
  .put("/me/login-password", ...changeLoginPassword);

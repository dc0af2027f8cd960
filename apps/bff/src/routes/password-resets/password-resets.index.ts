import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { completePasswordReset, startPasswordReset } from "./password-resets.handlers.ts";

/** ログインパスワードをお忘れの方 (decision 015): public, no session. */
export const passwordResetRoutes = new Hono<AppEnv>()
  .post("/password-resets", ...startPasswordReset)
  .post("/password-resets/completion", ...completePasswordReset);

import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { requireSession } from "../../middleware/session.ts";
import { applyMarginAccount } from "./margin-accounts.handlers.ts";

/** 信用取引口座開設 (R41). */
export const marginAccountRoutes = new Hono<AppEnv>()
  .use("/me/*", requireSession)
  .post("/me/margin-account-applications", ...applyMarginAccount);

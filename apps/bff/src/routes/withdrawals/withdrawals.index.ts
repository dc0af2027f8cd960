import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { requireSession } from "../../middleware/session.ts";
import {
  checkBankAccountChange,
  createWithdrawal,
  getOverview,
  listWithdrawals,
  requestBankAccountChange,
} from "./withdrawals.handlers.ts";

/** 出金 and 出金先口座変更 (R12–R16). */
export const withdrawalRoutes = new Hono<AppEnv>()
  .use("/me/*", requireSession)
  .get("/me/withdrawals/overview", ...getOverview)
  .get("/me/withdrawals", ...listWithdrawals)
  .post("/me/withdrawals", ...createWithdrawal)
  .post("/me/bank-account-changes", ...requestBankAccountChange)
  .post("/me/bank-account-change-checks", ...checkBankAccountChange);

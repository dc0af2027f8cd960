import { createRouter } from "../../lib/create-router.ts";
import {
  applyMarginAccountHandler,
  approveMarginAccountHandler,
  rejectMarginAccountHandler,
} from "./margin-accounts.handlers.ts";
import { applyMarginAccount, approveMarginAccount, rejectMarginAccount } from "./margin-accounts.routes.ts";

/** 信用取引口座開設 (R41), the customer's side: mounted under core's service credential (/v1). */
export const marginAccountsRouter = createRouter().openapi(applyMarginAccount, applyMarginAccountHandler);

/** The operator's decision: mounted after the operator credential's middleware (/ops). */
export const marginAccountsOpsRouter = createRouter()
  .openapi(approveMarginAccount, approveMarginAccountHandler)
  .openapi(rejectMarginAccount, rejectMarginAccountHandler);

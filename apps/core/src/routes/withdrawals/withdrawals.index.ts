import { createRouter } from "../../lib/create-router.ts";
import {
  checkBankAccountChangeHandler,
  createWithdrawalHandler,
  getWithdrawalOverviewHandler,
  listWithdrawalsHandler,
  requestBankAccountChangeHandler,
} from "./withdrawals.handlers.ts";
import {
  checkBankAccountChange,
  createWithdrawal,
  getWithdrawalOverview,
  listWithdrawals,
  requestBankAccountChange,
} from "./withdrawals.routes.ts";

export const withdrawalsRouter = createRouter()
  .openapi(getWithdrawalOverview, getWithdrawalOverviewHandler)
  .openapi(createWithdrawal, createWithdrawalHandler)
  .openapi(listWithdrawals, listWithdrawalsHandler)
  .openapi(requestBankAccountChange, requestBankAccountChangeHandler)
  .openapi(checkBankAccountChange, checkBankAccountChangeHandler);

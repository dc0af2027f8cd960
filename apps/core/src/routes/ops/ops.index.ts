import { createRouter } from "../../lib/create-router.ts";
import {
  approveBankAccountChangeHandler,
  expireOrdersHandler,
  listAuditEventsHandler,
  listStuckMailHandler,
  marketTickHandler,
  reissueHandler,
  rejectBankAccountChangeHandler,
  retryMailHandler,
  runNavHandler,
  setPriceHandler,
  unlockHandler,
} from "./ops.handlers.ts";
import {
  approveBankAccountChange,
  expireOrders,
  listAuditEvents,
  listStuckMail,
  marketTick,
  reissueInitialExecutionPassword,
  rejectBankAccountChange,
  retryMail,
  runNav,
  setPrice,
  unlock,
} from "./ops.routes.ts";

export const opsRouter = createRouter()
  .openapi(unlock, unlockHandler)
  .openapi(reissueInitialExecutionPassword, reissueHandler)
  .openapi(approveBankAccountChange, approveBankAccountChangeHandler)
  .openapi(rejectBankAccountChange, rejectBankAccountChangeHandler)
  .openapi(listAuditEvents, listAuditEventsHandler)
  .openapi(listStuckMail, listStuckMailHandler)
  .openapi(retryMail, retryMailHandler)
  .openapi(setPrice, setPriceHandler)
  .openapi(runNav, runNavHandler)
  .openapi(expireOrders, expireOrdersHandler)
  .openapi(marketTick, marketTickHandler);

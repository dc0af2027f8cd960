import { createRouter } from "../../lib/create-router.ts";
import {
  approveBankAccountChangeHandler,
  listAuditEventsHandler,
  listStuckMailHandler,
  reissueHandler,
  rejectBankAccountChangeHandler,
  retryMailHandler,
  unlockHandler,
} from "./ops.handlers.ts";
import {
  approveBankAccountChange,
  listAuditEvents,
  listStuckMail,
  reissueInitialExecutionPassword,
  rejectBankAccountChange,
  retryMail,
  unlock,
} from "./ops.routes.ts";

export const opsRouter = createRouter()
  .openapi(unlock, unlockHandler)
  .openapi(reissueInitialExecutionPassword, reissueHandler)
  .openapi(approveBankAccountChange, approveBankAccountChangeHandler)
  .openapi(rejectBankAccountChange, rejectBankAccountChangeHandler)
  .openapi(listAuditEvents, listAuditEventsHandler)
  .openapi(listStuckMail, listStuckMailHandler)
  .openapi(retryMail, retryMailHandler);

import { createRouter } from "../../lib/create-router.ts";
import {
  listAuditEventsHandler,
  listStuckMailHandler,
  reissueHandler,
  retryMailHandler,
  unlockHandler,
} from "./ops.handlers.ts";
import { listAuditEvents, listStuckMail, reissueInitialExecutionPassword, retryMail, unlock } from "./ops.routes.ts";

export const opsRouter = createRouter()
  .openapi(unlock, unlockHandler)
  .openapi(reissueInitialExecutionPassword, reissueHandler)
  .openapi(listAuditEvents, listAuditEventsHandler)
  .openapi(listStuckMail, listStuckMailHandler)
  .openapi(retryMail, retryMailHandler);

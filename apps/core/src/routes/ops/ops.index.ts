import { createRouter } from "../../lib/create-router.ts";
import { listAuditEventsHandler, reissueHandler, unlockHandler } from "./ops.handlers.ts";
import { listAuditEvents, reissueInitialExecutionPassword, unlock } from "./ops.routes.ts";

export const opsRouter = createRouter()
  .openapi(unlock, unlockHandler)
  .openapi(reissueInitialExecutionPassword, reissueHandler)
  .openapi(listAuditEvents, listAuditEventsHandler);

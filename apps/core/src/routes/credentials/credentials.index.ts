import { createRouter } from "../../lib/create-router.ts";
import {
  changeExecutionPasswordHandler,
  changeLoginPasswordHandler,
  getCredentialStatusHandler,
  verifyExecutionPasswordHandler,
} from "./credentials.handlers.ts";
import {
  changeExecutionPassword,
  changeLoginPassword,
  getCredentialStatus,
  verifyExecutionPassword,
} from "./credentials.routes.ts";

export const credentialsRouter = createRouter()
  .openapi(getCredentialStatus, getCredentialStatusHandler)
  .openapi(verifyExecutionPassword, verifyExecutionPasswordHandler)
  .openapi(changeExecutionPassword, changeExecutionPasswordHandler)
  .openapi(changeLoginPassword, changeLoginPasswordHandler);

import { createRouter } from "../../lib/create-router.ts";
import { getStepUpRequirementsHandler, issueAuthCodeHandler, verifyStepUpHandler } from "./step-up.handlers.ts";
import { getStepUpRequirements, issueAuthCode, verifyStepUp } from "./step-up.routes.ts";

export const stepUpRouter = createRouter()
  .openapi(getStepUpRequirements, getStepUpRequirementsHandler)
  .openapi(issueAuthCode, issueAuthCodeHandler)
  .openapi(verifyStepUp, verifyStepUpHandler);

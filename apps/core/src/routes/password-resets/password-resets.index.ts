import { createRouter } from "../../lib/create-router.ts";
import { completePasswordResetHandler, startPasswordResetHandler } from "./password-resets.handlers.ts";
import { completePasswordReset, startPasswordReset } from "./password-resets.routes.ts";

export const passwordResetsRouter = createRouter()
  .openapi(startPasswordReset, startPasswordResetHandler)
  .openapi(completePasswordReset, completePasswordResetHandler);

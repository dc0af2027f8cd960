import { createRouter } from "../../lib/create-router.ts";
import { verifyLoginCodeHandler, verifyLoginHandler } from "./login-verifications.handlers.ts";
import { verifyLogin, verifyLoginCode } from "./login-verifications.routes.ts";

export const loginVerificationsRouter = createRouter()
  .openapi(verifyLogin, verifyLoginHandler)
  .openapi(verifyLoginCode, verifyLoginCodeHandler);

import { createRouter } from "../../lib/create-router.ts";
import { verifyLoginHandler } from "./login-verifications.handlers.ts";
import { verifyLogin } from "./login-verifications.routes.ts";

export const loginVerificationsRouter = createRouter().openapi(verifyLogin, verifyLoginHandler);

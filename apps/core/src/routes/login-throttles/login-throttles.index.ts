import { createRouter } from "../../lib/create-router.ts";
import { recordLoginThrottleHandler } from "./login-throttles.handlers.ts";
import { recordLoginThrottle } from "./login-throttles.routes.ts";

export const loginThrottlesRouter = createRouter().openapi(recordLoginThrottle, recordLoginThrottleHandler);

import { createRouter } from "../../lib/create-router.ts";
import { createTestCustomerHandler } from "./test-support.handlers.ts";
import { createTestCustomer } from "./test-support.routes.ts";

export const testSupportRouter = createRouter().openapi(createTestCustomer, createTestCustomerHandler);

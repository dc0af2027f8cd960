import { createRouter } from "../../lib/create-router.ts";
import { createTestCustomerHandler, setTestClockHandler } from "./test-support.handlers.ts";
import { createTestCustomer, setTestClock } from "./test-support.routes.ts";

export const testSupportRouter = createRouter()
  .openapi(createTestCustomer, createTestCustomerHandler)
  .openapi(setTestClock, setTestClockHandler);

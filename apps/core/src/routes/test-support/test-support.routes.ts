import { createRoute } from "@hono/zod-openapi";
import {
  createTestCustomerRequestSchema,
  createTestCustomerResponseSchema,
  TEST_CUSTOMERS_PATH,
} from "@kakunin/contracts/test-support";
import { commonErrorResponses, jsonContent } from "../../lib/openapi-responses.ts";

export const createTestCustomer = createRoute({
  method: "post",
  path: TEST_CUSTOMERS_PATH,
  summary: "TEST ONLY: create a fresh customer (exists only with CORE_TEST_API=true)",
  tags: ["test-support"],
  request: { body: { content: { "application/json": { schema: createTestCustomerRequestSchema } }, required: true } },
  responses: { 201: jsonContent(createTestCustomerResponseSchema, "The new customer"), ...commonErrorResponses },
});

import { createRoute, z } from "@hono/zod-openapi";
import { customerPathSchema } from "@kakunin/contracts/core-api";
import {
  createTestCustomerRequestSchema,
  createTestCustomerResponseSchema,
  setTestClockRequestSchema,
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

export const setTestClock = createRoute({
  method: "put",
  path: "/test/customers/{customerId}/clock",
  summary: "TEST ONLY: set core's clock as seen for one customer (null = real time)",
  tags: ["test-support"],
  request: {
    params: customerPathSchema,
    body: { content: { "application/json": { schema: setTestClockRequestSchema } }, required: true },
  },
  responses: { 200: jsonContent(z.object({ now: z.string() }), "The customer's clock now"), ...commonErrorResponses },
});

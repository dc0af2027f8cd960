import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { errorBodySchema } from "@kakunin/contracts/errors";
import {
  opsActionRequestSchema,
  opsActionResponseSchema,
  opsCustomerPathSchema,
  opsRoutes,
} from "@kakunin/contracts/ops";
import { commonErrorResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const { getTradingStop: get, stopTrading: stop } = coreRoutes;

export const getTradingStop = createRoute({
  method: get.method,
  path: get.path,
  summary: get.summary,
  tags: ["trading-stop"],
  request: { params: get.params },
  responses: {
    200: jsonContent(get.response, "The stop's state and the support number"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const stopTrading = createRoute({
  method: stop.method,
  path: stop.path,
  summary: stop.summary,
  tags: ["trading-stop"],
  request: { params: stop.params, body: { content: { "application/json": { schema: stop.body } }, required: true } },
  responses: {
    200: jsonContent(stop.response, "Stopped (also when it was stopped already)"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const resumeTrading = createRoute({
  ...opsRoutes.resumeTrading,
  summary: "Lift the customer's 取引停止 (R33) after 本人確認; always mails 取引停止解除通知",
  tags: ["ops"],
  security: [{ operator: [] }],
  request: {
    params: opsCustomerPathSchema,
    body: { content: { "application/json": { schema: opsActionRequestSchema } }, required: true },
  },
  responses: {
    200: jsonContent(opsActionResponseSchema, "Lifted"),
    ...commonErrorResponses,
    ...notFoundResponse,
    409: jsonContent(errorBodySchema, "Trading is not stopped (no_pending_request)"),
  },
});

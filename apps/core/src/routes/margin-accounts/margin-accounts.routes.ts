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

const { applyMarginAccount: apply } = coreRoutes;

export const applyMarginAccount = createRoute({
  method: apply.method,
  path: apply.path,
  summary: apply.summary,
  tags: ["margin-accounts"],
  request: { params: apply.params, body: { content: { "application/json": { schema: apply.body } }, required: true } },
  responses: {
    201: jsonContent(apply.response, "Received: the 信用取引口座 is 審査中; the receipt is mailed"),
    ...commonErrorResponses,
    ...notFoundResponse,
    409: jsonContent(
      errorBodySchema,
      "Already under review (margin_application_in_review) or open (margin_account_open)",
    ),
  },
});

const opsBody = { content: { "application/json": { schema: opsActionRequestSchema } }, required: true };
const opsResponses = {
  ...commonErrorResponses,
  ...notFoundResponse,
  409: jsonContent(errorBodySchema, "No application under review (no_pending_request)"),
};

export const approveMarginAccount = createRoute({
  ...opsRoutes.approveMarginAccount,
  summary: "Open the customer's 信用取引口座 under review (R41); always mails 信用取引口座開設完了通知",
  tags: ["ops"],
  security: [{ operator: [] }],
  request: { params: opsCustomerPathSchema, body: opsBody },
  responses: { 200: jsonContent(opsActionResponseSchema, "Opened (開設済)"), ...opsResponses },
});

export const rejectMarginAccount = createRoute({
  ...opsRoutes.rejectMarginAccount,
  summary: "Decline the customer's 信用取引口座 application (R41): back to 未開設; mails the result without the note",
  tags: ["ops"],
  security: [{ operator: [] }],
  request: { params: opsCustomerPathSchema, body: opsBody },
  responses: { 200: jsonContent(opsActionResponseSchema, "Declined (未開設)"), ...opsResponses },
});

import { createRoute, z } from "@hono/zod-openapi";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { outboxMessageListSchema } from "@kakunin/contracts/mail";
import {
  auditEventListSchema,
  opsActionRequestSchema,
  opsActionResponseSchema,
  opsCustomerPathSchema,
  opsMailPathSchema,
  opsRoutes,
} from "@kakunin/contracts/ops";
import { commonErrorResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const body = { content: { "application/json": { schema: opsActionRequestSchema } }, required: true };
const security = [{ operator: [] }];

export const unlock = createRoute({
  ...opsRoutes.unlock,
  summary: "Unlock a customer locked by 9 failed execution-password attempts (R8)",
  tags: ["ops"],
  security,
  request: { params: opsCustomerPathSchema, body },
  responses: { 200: jsonContent(opsActionResponseSchema, "Done"), ...commonErrorResponses, ...notFoundResponse },
});

export const reissueInitialExecutionPassword = createRoute({
  ...opsRoutes.reissueInitialExecutionPassword,
  summary: "Issue a new initial execution password (shown in the customer's お知らせ)",
  tags: ["ops"],
  security,
  request: { params: opsCustomerPathSchema, body },
  responses: { 200: jsonContent(opsActionResponseSchema, "Done"), ...commonErrorResponses, ...notFoundResponse },
});

const noPendingResponse = {
  404: jsonContent(errorBodySchema, "No such customer (not_found) or no pending request (no_pending_request)"),
};

export const approveBankAccountChange = createRoute({
  ...opsRoutes.approveBankAccountChange,
  summary: "Apply the customer's pending 出金先口座変更 (R14); always mails 出金先口座変更通知",
  tags: ["ops"],
  security,
  request: { params: opsCustomerPathSchema, body },
  responses: { 200: jsonContent(opsActionResponseSchema, "Applied"), ...commonErrorResponses, ...noPendingResponse },
});

export const rejectBankAccountChange = createRoute({
  ...opsRoutes.rejectBankAccountChange,
  summary: "Reject the customer's pending 出金先口座変更 (R14); the registered account stays",
  tags: ["ops"],
  security,
  request: { params: opsCustomerPathSchema, body },
  responses: { 200: jsonContent(opsActionResponseSchema, "Rejected"), ...commonErrorResponses, ...noPendingResponse },
});

export const listAuditEvents = createRoute({
  ...opsRoutes.listAuditEvents,
  summary: "A customer's most recent audit events (R29)",
  tags: ["ops"],
  security,
  request: {
    params: opsCustomerPathSchema,
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
  },
  responses: { 200: jsonContent(auditEventListSchema, "Newest first"), ...commonErrorResponses, ...notFoundResponse },
});

export const listStuckMail = createRoute({
  ...opsRoutes.listStuckMail,
  summary: "Mail that failed, or is still being retried (R25)",
  tags: ["ops"],
  security,
  responses: { 200: jsonContent(outboxMessageListSchema, "Oldest first"), ...commonErrorResponses },
});

export const retryMail = createRoute({
  ...opsRoutes.retryMail,
  summary: "Queue a failed or deferred mail again, due now",
  tags: ["ops"],
  security,
  request: { params: opsMailPathSchema },
  responses: {
    200: jsonContent(z.object({ id: z.number(), done: z.literal("queued") }), "Queued"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

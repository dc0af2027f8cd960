import { createRoute, z } from "@hono/zod-openapi";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { outboxMessageListSchema } from "@kakunin/contracts/mail";
import {
  auditEventListSchema,
  opsActionRequestSchema,
  opsActionResponseSchema,
  opsCustomerPathSchema,
  opsMailPathSchema,
  opsMarketResultSchema,
  opsRoutes,
  opsSetPriceRequestSchema,
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

/** Not in the contract's opsRoutes: a stock or fund code in the path. */
export const opsInstrumentPathSchema = z.strictObject({
  code: z.string().regex(/^(\d{4}|F\d{3})$/, "銘柄コードが正しくありません。"),
});
/** Core-local operator route (the contract has none): one deterministic step of every stock price. */
export const MARKET_TICK_PATH = "/ops/market/tick";

const marketErrors = {
  404: jsonContent(errorBodySchema, "No such instrument (not_found)"),
};
/** A market job runs on one core instance at a time (issue 18); a second caller changes nothing. */
const runErrors = {
  409: jsonContent(errorBodySchema, "The same job is running on some core instance (run_in_progress)"),
};

export const setPrice = createRoute({
  ...opsRoutes.setPrice,
  summary: "Set a stock's price (on the tick, within the daily limits) or a fund's NAV; fills crossed limit orders",
  tags: ["ops"],
  security,
  request: {
    params: opsInstrumentPathSchema,
    body: { content: { "application/json": { schema: opsSetPriceRequestSchema } }, required: true },
  },
  responses: { 200: jsonContent(opsMarketResultSchema, "Set"), ...commonErrorResponses, ...marketErrors },
});

export const runNav = createRoute({
  ...opsRoutes.runNav,
  summary: "基準価額 run: each fund's NAV moves one deterministic step; every open fund order executes at it",
  tags: ["ops"],
  security,
  request: { body },
  responses: { 200: jsonContent(opsMarketResultSchema, "Done"), ...commonErrorResponses, ...runErrors },
});

export const expireOrders = createRoute({
  ...opsRoutes.expireOrders,
  summary: "End of day: every open stock order expires (reservations released); prices become previous closes",
  tags: ["ops"],
  security,
  request: { body },
  responses: { 200: jsonContent(opsMarketResultSchema, "Done"), ...commonErrorResponses, ...runErrors },
});

export const marketTick = createRoute({
  method: "post",
  path: MARKET_TICK_PATH,
  summary: "One deterministic step (MARKET_SEED) of every stock price; fills crossed limit orders",
  tags: ["ops"],
  security,
  request: { body },
  responses: { 200: jsonContent(opsMarketResultSchema, "Done"), ...commonErrorResponses, ...runErrors },
});

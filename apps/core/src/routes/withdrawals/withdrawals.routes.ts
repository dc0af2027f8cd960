import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { commonErrorResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const { getWithdrawalOverview: overview, createWithdrawal: create, listWithdrawals: list } = coreRoutes;
const { requestBankAccountChange: changeBank, checkBankAccountChange: checkBank } = coreRoutes;

const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

export const getWithdrawalOverview = createRoute({
  method: overview.method,
  path: overview.path,
  summary: overview.summary,
  tags: ["withdrawals"],
  request: { params: overview.params },
  responses: {
    200: jsonContent(overview.response, "出金可能額, destination and pending change"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const createWithdrawal = createRoute({
  method: create.method,
  path: create.path,
  summary: create.summary,
  tags: ["withdrawals"],
  request: { params: create.params, body: json(create.body) },
  responses: {
    200: jsonContent(create.response, "The withdrawal this request key already created (nothing done again)"),
    201: jsonContent(create.response, "Accepted (受付済); 出金可能額 reduced"),
    ...commonErrorResponses,
    ...notFoundResponse,
    409: jsonContent(errorBodySchema, "The confirmed destination is no longer registered (bank_account_changed)"),
    422: jsonContent(errorBodySchema, "More than 出金可能額 (insufficient_funds, field amount)"),
  },
});

export const listWithdrawals = createRoute({
  method: list.method,
  path: list.path,
  summary: list.summary,
  tags: ["withdrawals"],
  request: { params: list.params, query: list.query },
  responses: {
    200: jsonContent(list.response, "A page, newest first, destinations masked"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const requestBankAccountChange = createRoute({
  method: changeBank.method,
  path: changeBank.path,
  summary: changeBank.summary,
  tags: ["withdrawals"],
  request: { params: changeBank.params, body: json(changeBank.body) },
  responses: {
    200: jsonContent(changeBank.response, "The same request was already pending (nothing changed)"),
    201: jsonContent(changeBank.response, "Pending (申請中); replaces an earlier pending request"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const checkBankAccountChange = createRoute({
  method: checkBank.method,
  path: checkBank.path,
  summary: checkBank.summary,
  tags: ["withdrawals"],
  request: { params: checkBank.params, body: json(checkBank.body) },
  responses: {
    200: jsonContent(checkBank.response, "The change may be confirmed (nothing stored)"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

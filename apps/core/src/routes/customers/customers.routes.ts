import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { commonErrorResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const {
  getCustomer: get,
  listNotices: notices,
  getLoginHistory: history,
  getPreviousLogin: previous,
  changeCustomerLocale: locale,
} = coreRoutes;

export const getCustomer = createRoute({
  method: get.method,
  path: get.path,
  summary: get.summary,
  tags: ["customers"],
  request: { params: get.params },
  responses: { 200: jsonContent(get.response, "The customer"), ...commonErrorResponses, ...notFoundResponse },
});

export const listNotices = createRoute({
  method: notices.method,
  path: notices.path,
  summary: notices.summary,
  tags: ["customers"],
  request: { params: notices.params },
  responses: {
    200: jsonContent(notices.response, "Notices, newest first"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const getLoginHistory = createRoute({
  method: history.method,
  path: history.path,
  summary: history.summary,
  tags: ["customers"],
  request: { params: history.params, query: history.query },
  responses: {
    200: jsonContent(history.response, "A page of login attempts, newest first"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const getPreviousLogin = createRoute({
  method: previous.method,
  path: previous.path,
  summary: previous.summary,
  tags: ["customers"],
  request: { params: previous.params, query: previous.query },
  responses: {
    200: jsonContent(previous.response, "The previous login, or null on the first"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const changeCustomerLocale = createRoute({
  method: locale.method,
  path: locale.path,
  summary: locale.summary,
  tags: ["customers"],
  request: {
    params: locale.params,
    body: { content: { "application/json": { schema: locale.body } }, required: true },
  },
  responses: {
    200: jsonContent(locale.response, "The language stored"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

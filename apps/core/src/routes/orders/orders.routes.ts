import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { commonErrorResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const { listInstruments: instrumentsRoute, placeOrder: place, checkOrder: check, modifyOrder: modify } = coreRoutes;
const {
  cancelOrder: cancel,
  listOrders: list,
  getBalances: balancesRoute,
  checkModification: checkChange,
} = coreRoutes;

const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const rejected = jsonContent(
  errorBodySchema,
  "Refused by market or account rules (order_rejected; field reasons lot, tick, price_limit, buying_power, holdings, margin_position, margin_account, unknown_instrument)",
);
const notOpen = jsonContent(
  errorBodySchema,
  "Already filled, cancelled or expired, or not a limit order (order_not_open)",
);
const noOrder = { 404: jsonContent(errorBodySchema, "No such customer or order (not_found)") };

export const listInstruments = createRoute({
  method: instrumentsRoute.method,
  path: instrumentsRoute.path,
  summary: instrumentsRoute.summary,
  tags: ["trading"],
  responses: {
    200: jsonContent(instrumentsRoute.response, "Funds and stocks, by code"),
    ...commonErrorResponses,
  },
});

export const placeOrder = createRoute({
  method: place.method,
  path: place.path,
  summary: place.summary,
  tags: ["trading"],
  request: { params: place.params, body: json(place.body) },
  responses: {
    200: jsonContent(place.response, "The order this request key already placed (nothing done again)"),
    201: jsonContent(place.response, "Accepted (open), or filled at once (成行 / crossed 指値)"),
    ...commonErrorResponses,
    ...notFoundResponse,
    422: rejected,
  },
});

export const checkOrder = createRoute({
  method: check.method,
  path: check.path,
  summary: check.summary,
  tags: ["trading"],
  request: { params: check.params, body: json(check.body) },
  responses: {
    200: jsonContent(check.response, "The order may be confirmed (nothing stored)"),
    ...commonErrorResponses,
    ...notFoundResponse,
    422: rejected,
  },
});

export const modifyOrder = createRoute({
  method: modify.method,
  path: modify.path,
  summary: modify.summary,
  tags: ["trading"],
  request: { params: modify.params, body: json(modify.body) },
  responses: {
    200: jsonContent(modify.response, "Modified (and filled, when the new price is already crossed)"),
    ...commonErrorResponses,
    ...noOrder,
    409: notOpen,
    422: rejected,
  },
});

export const checkModification = createRoute({
  method: checkChange.method,
  path: checkChange.path,
  summary: checkChange.summary,
  tags: ["trading"],
  request: { params: checkChange.params, body: json(checkChange.body) },
  responses: {
    200: jsonContent(checkChange.response, "The 訂正 may be confirmed (nothing stored)"),
    ...commonErrorResponses,
    ...noOrder,
    409: notOpen,
    422: rejected,
  },
});

export const cancelOrder = createRoute({
  method: cancel.method,
  path: cancel.path,
  summary: cancel.summary,
  tags: ["trading"],
  request: { params: cancel.params, body: json(cancel.body) },
  responses: {
    200: jsonContent(cancel.response, "Cancelled; what the order held is released"),
    ...commonErrorResponses,
    ...noOrder,
    409: notOpen,
  },
});

export const listOrders = createRoute({
  method: list.method,
  path: list.path,
  summary: list.summary,
  tags: ["trading"],
  request: { params: list.params, query: list.query },
  responses: {
    200: jsonContent(list.response, "A page of orders, newest first"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

export const getBalances = createRoute({
  method: balancesRoute.method,
  path: balancesRoute.path,
  summary: balancesRoute.summary,
  tags: ["trading"],
  request: { params: balancesRoute.params },
  responses: {
    200: jsonContent(balancesRoute.response, "Valued at the current simulated prices"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});

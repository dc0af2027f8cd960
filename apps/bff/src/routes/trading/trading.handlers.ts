import { orderPageQuerySchema } from "@kakunin/contracts/pagination";
import { modifyOrderRequestSchema, orderRequestSchema } from "@kakunin/contracts/trading";
import { createFactory } from "hono/factory";
import { clientContext } from "../../lib/client-context.ts";
import { customerCall, requestKeyOf, requestOf } from "../../lib/core-context.ts";
import { guardedRoute, pathMatchesBody } from "../../lib/step-up/guarded-route.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, pageQuery, requireJson } from "../../lib/validate.ts";

const factory = createFactory<AppEnv>();

/** The order in the path and the one confirmed must agree (checked before the confirmation is used up). */
const sameOrderNumber = pathMatchesBody("orderNumber", "server.validation.orderNumberMismatch");

export const listInstruments = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.call("listInstruments", requestOf(c))),
);

/** GET /api/me/orders?cursor=: 注文照会, a page at a time (issue 16). */
export const listOrders = factory.createHandlers(pageQuery(orderPageQuerySchema), async (c) =>
  c.json(await c.get("deps").core.call("listOrders", { ...customerCall(c), query: c.req.valid("query") })),
);

export const getBalances = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.call("getBalances", customerCall(c))),
);

/**
 * POST /api/me/order-checks: before 注文内容の確認 (issue 17 B2). Core, the authority on
 * market and account rules, answers whether the order may be confirmed, or refuses it with
 * field errors (lot, tick, 値幅制限, holdings, 買付余力, 信用取引口座), so the customer corrects
 * the input before typing the 執行パスワード. Nothing is stored; placing checks again.
 */
export const checkOrder = factory.createHandlers(requireJson, jsonBody(orderRequestSchema), async (c) =>
  c.json(
    await c.get("deps").core.call("checkOrder", {
      ...customerCall(c),
      body: { request: c.req.valid("json"), client: clientContext(c) },
    }),
  ),
);

/** POST /api/me/orders: every order on its 最終申込確認画面 with the 執行パスワード (R6, R17). */
export const placeOrder = guardedRoute("place_order", async (c) =>
  c.json(
    await c.get("deps").core.call("placeOrder", {
      ...customerCall(c),
      body: { request: c.req.valid("json"), requestKey: requestKeyOf(c), client: clientContext(c) },
    }),
  ),
);

/**
 * POST /api/me/orders/:orderNumber/modification-checks: before 訂正確認 (issue 17 B2), as
 * order-checks is before 注文内容の確認. Nothing is stored; the 訂正 checks again.
 */
export const checkModification = factory.createHandlers(
  requireJson,
  jsonBody(modifyOrderRequestSchema),
  sameOrderNumber,
  async (c) => {
    const request = c.req.valid("json");
    const call = customerCall(c);
    return c.json(
      await c.get("deps").core.call("checkModification", {
        ...call,
        params: { ...call.params, orderNumber: request.orderNumber },
        body: { request, client: clientContext(c) },
      }),
    );
  },
);

/** PUT /api/me/orders/:orderNumber: 訂正, with its own confirmation. */
export const modifyOrder = guardedRoute(
  "modify_order",
  async (c) => {
    const request = c.req.valid("json");
    const call = customerCall(c);
    return c.json(
      await c.get("deps").core.call("modifyOrder", {
        ...call,
        params: { ...call.params, orderNumber: request.orderNumber },
        body: { request, requestKey: requestKeyOf(c), client: clientContext(c) },
      }),
    );
  },
  { before: [sameOrderNumber] },
);

/** POST /api/me/orders/:orderNumber/cancel: 取消, with its own confirmation. */
export const cancelOrder = guardedRoute(
  "cancel_order",
  async (c) => {
    const call = customerCall(c);
    return c.json(
      await c.get("deps").core.call("cancelOrder", {
        ...call,
        params: { ...call.params, orderNumber: c.req.valid("json").orderNumber },
        body: { requestKey: requestKeyOf(c), client: clientContext(c) },
      }),
    );
  },
  { before: [sameOrderNumber] },
);

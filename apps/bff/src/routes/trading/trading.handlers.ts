import { cancelOrderRequestSchema, modifyOrderRequestSchema, orderRequestSchema } from "@kakunin/contracts/trading";
import type { Context } from "hono";
import { createFactory, createMiddleware } from "hono/factory";
import { ApiError } from "../../lib/api-error.ts";
import { clientContext } from "../../lib/client-context.ts";
import { requireStepUp } from "../../lib/step-up/step-up.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { sessionOf } from "../me/session-of.ts";

const factory = createFactory<AppEnv>();
const opts = (c: { get(key: "requestId"): string }) => ({ requestId: c.get("requestId") });

function requestKeyOf(c: Context<AppEnv>): string {
  const key = c.get("idempotencyKey");
  if (!key) throw new Error("idempotent middleware missing");
  return key;
}

/**
 * The order number is in the path and in the confirmed body; they must agree, checked
 * before the confirmation is used up.
 */
const sameOrderNumber = createMiddleware<AppEnv>(async (c, next) => {
  const body: unknown = await c.req.json();
  const confirmed = (body as { orderNumber?: unknown }).orderNumber;
  if (c.req.param("orderNumber") !== confirmed) {
    throw new ApiError("validation_failed", 400, {
      fields: [{ path: "orderNumber", message: "注文番号が一致しません。" }],
    });
  }
  await next();
});

export const listInstruments = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.listInstruments(opts(c))),
);

export const listOrders = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.listOrders(sessionOf(c).customerId, opts(c))),
);

export const getBalances = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.getBalances(sessionOf(c).customerId, opts(c))),
);

/** POST /api/me/orders: every order on its 最終申込確認画面 with the 執行パスワード (R6, R17). */
export const placeOrder = factory.createHandlers(
  requireJson,
  jsonBody(orderRequestSchema),
  idempotent,
  requireStepUp("place_order"),
  async (c) =>
    c.json(
      await c
        .get("deps")
        .core.placeOrder(
          sessionOf(c).customerId,
          { request: c.req.valid("json"), requestKey: requestKeyOf(c), client: clientContext(c) },
          opts(c),
        ),
    ),
);

/** PUT /api/me/orders/:orderNumber: 訂正, with its own confirmation. */
export const modifyOrder = factory.createHandlers(
  requireJson,
  jsonBody(modifyOrderRequestSchema),
  sameOrderNumber,
  idempotent,
  requireStepUp("modify_order"),
  async (c) => {
    const request = c.req.valid("json");
    const orderNumber = request.orderNumber;
    return c.json(
      await c
        .get("deps")
        .core.modifyOrder(
          sessionOf(c).customerId,
          orderNumber,
          { request, requestKey: requestKeyOf(c), client: clientContext(c) },
          opts(c),
        ),
    );
  },
);

/** POST /api/me/orders/:orderNumber/cancel: 取消, with its own confirmation. */
export const cancelOrder = factory.createHandlers(
  requireJson,
  jsonBody(cancelOrderRequestSchema),
  sameOrderNumber,
  idempotent,
  requireStepUp("cancel_order"),
  async (c) => {
    const { orderNumber } = c.req.valid("json");
    return c.json(
      await c
        .get("deps")
        .core.cancelOrder(
          sessionOf(c).customerId,
          orderNumber,
          { requestKey: requestKeyOf(c), client: clientContext(c) },
          opts(c),
        ),
    );
  },
);

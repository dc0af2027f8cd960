import type { RouteHandler } from "@hono/zod-openapi";
import { listInstruments as instruments } from "../../domain/market.ts";
import { balances } from "../../domain/orders/balances.ts";
import { checkOrder as check, checkModification as checkChange } from "../../domain/orders/check.ts";
import { cancelOrder as cancel, modifyOrder as modify } from "../../domain/orders/modify-cancel.ts";
import { placeOrder as place } from "../../domain/orders/place.ts";
import { listOrders as list } from "../../domain/orders/rows.ts";
import type { AppBindings } from "../../lib/types.ts";
import { maskEmail } from "../../mail/format.ts";
import { mailRecipient } from "../../mail/outbox.ts";
import type {
  cancelOrder,
  checkModification,
  checkOrder,
  getBalances,
  listInstruments,
  listOrders,
  modifyOrder,
  placeOrder,
} from "./orders.routes.ts";

export const listInstrumentsHandler: RouteHandler<typeof listInstruments, AppBindings> = async (c) =>
  c.json({ instruments: await instruments(c.get("db")) }, 200);

/** Before the confirmation (issue 17 B2): the BFF asks, so a refusal comes before the 執行パスワード. */
export const checkOrderHandler: RouteHandler<typeof checkOrder, AppBindings> = async (c) => {
  const actor = { ...c.req.valid("param"), ...c.req.valid("json"), requestId: c.get("requestId") };
  await check(c.get("db"), c.get("services"), actor);
  return c.json({ ok: true as const }, 200);
};

export const placeOrderHandler: RouteHandler<typeof placeOrder, AppBindings> = async (c) => {
  const actor = { ...c.req.valid("param"), ...c.req.valid("json"), requestId: c.get("requestId") };
  const { order, created } = await place(c.get("db"), c.get("services"), actor);
  if (!created) return c.json(order, 200);
  const type = order.kind === "fund" ? "fund_execution" : "trade_execution";
  const to = await mailRecipient(c.get("db"), actor.customerId, type);
  return c.json({ ...order, executionMailTo: to ? maskEmail(to) : null }, 201);
};

export const modifyOrderHandler: RouteHandler<typeof modifyOrder, AppBindings> = async (c) => {
  const actor = { ...c.req.valid("param"), ...c.req.valid("json"), requestId: c.get("requestId") };
  return c.json(await modify(c.get("db"), c.get("services"), actor), 200);
};

/** Before 訂正確認 (issue 17 B2), as checkOrderHandler is before 注文内容の確認. */
export const checkModificationHandler: RouteHandler<typeof checkModification, AppBindings> = async (c) => {
  const actor = { ...c.req.valid("param"), ...c.req.valid("json"), requestId: c.get("requestId") };
  await checkChange(c.get("db"), c.get("services"), actor);
  return c.json({ ok: true as const }, 200);
};

export const cancelOrderHandler: RouteHandler<typeof cancelOrder, AppBindings> = async (c) => {
  const actor = { ...c.req.valid("param"), ...c.req.valid("json"), requestId: c.get("requestId") };
  return c.json(await cancel(c.get("db"), c.get("services"), actor), 200);
};

export const listOrdersHandler: RouteHandler<typeof listOrders, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json(await list(c.get("db"), customerId, c.req.valid("query")), 200);
};

export const getBalancesHandler: RouteHandler<typeof getBalances, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json(await balances(c.get("db"), customerId), 200);
};

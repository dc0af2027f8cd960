import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { requireSession } from "../../middleware/session.ts";
import {
  cancelOrder,
  checkModification,
  checkOrder,
  getBalances,
  listInstruments,
  listOrders,
  modifyOrder,
  placeOrder,
} from "./trading.handlers.ts";

/** Trading (R17–R19): market data for logged-in customers, and their orders and balances. */
export const tradingRoutes = new Hono<AppEnv>()
  .use("/market/*", requireSession)
  .use("/me/*", requireSession)
  .get("/market/instruments", ...listInstruments)
  .get("/me/orders", ...listOrders)
  .post("/me/order-checks", ...checkOrder)
  .post("/me/orders", ...placeOrder)
  .post("/me/orders/:orderNumber/modification-checks", ...checkModification)
  .put("/me/orders/:orderNumber", ...modifyOrder)
  .post("/me/orders/:orderNumber/cancel", ...cancelOrder)
  .get("/me/balances", ...getBalances);

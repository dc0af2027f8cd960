import { createRouter } from "../../lib/create-router.ts";
import {
  cancelOrderHandler,
  checkOrderHandler,
  getBalancesHandler,
  listInstrumentsHandler,
  listOrdersHandler,
  modifyOrderHandler,
  placeOrderHandler,
} from "./orders.handlers.ts";
import {
  cancelOrder,
  checkOrder,
  getBalances,
  listInstruments,
  listOrders,
  modifyOrder,
  placeOrder,
} from "./orders.routes.ts";

export const ordersRouter = createRouter()
  .openapi(listInstruments, listInstrumentsHandler)
  .openapi(checkOrder, checkOrderHandler)
  .openapi(placeOrder, placeOrderHandler)
  .openapi(modifyOrder, modifyOrderHandler)
  .openapi(cancelOrder, cancelOrderHandler)
  .openapi(listOrders, listOrdersHandler)
  .openapi(getBalances, getBalancesHandler);

import { createRouter } from "../../lib/create-router.ts";
import {
  cancelOrderHandler,
  checkModificationHandler,
  checkOrderHandler,
  getBalancesHandler,
  listInstrumentsHandler,
  listOrdersHandler,
  modifyOrderHandler,
  placeOrderHandler,
} from "./orders.handlers.ts";
import {
  cancelOrder,
  checkModification,
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
  .openapi(checkModification, checkModificationHandler)
  .openapi(modifyOrder, modifyOrderHandler)
  .openapi(cancelOrder, cancelOrderHandler)
  .openapi(listOrders, listOrdersHandler)
  .openapi(getBalances, getBalancesHandler);

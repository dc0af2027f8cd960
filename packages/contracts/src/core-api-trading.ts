import type { RouteDescriptor } from "./core-api.ts";
import { customerPathSchema } from "./core-api-customer.ts";
import {
  cancelOrderCoreRequestSchema,
  checkModificationCoreRequestSchema,
  checkOrderCoreRequestSchema,
  modifyOrderCoreRequestSchema,
  orderPathSchema,
  placeOrderCoreRequestSchema,
} from "./core-api-operations.ts";
import { orderPageQuerySchema } from "./pagination.ts";
import {
  balancesSchema,
  instrumentListSchema,
  orderCheckSchema,
  orderListSchema,
  orderReceiptSchema,
  orderSchema,
} from "./trading.ts";

/** 取引: instruments, orders (with their check before the confirmation), 注文照会 and 残高照会. */
export const tradingCoreRoutes = {
  listInstruments: {
    method: "get",
    path: "/v1/instruments",
    summary: "Stocks and mutual funds with current prices (simulated market) and daily limits",
    response: instrumentListSchema,
  },
  placeOrder: {
    method: "post",
    path: "/v1/customers/{customerId}/orders",
    summary: "Place a stock (cash/margin) or fund order; market orders fill at once (R17, R18)",
    params: customerPathSchema,
    body: placeOrderCoreRequestSchema,
    response: orderReceiptSchema,
    errors: [404, 422],
  },
  checkOrder: {
    method: "post",
    path: "/v1/customers/{customerId}/order-checks",
    summary:
      "May this order be confirmed? Lot, tick, 値幅制限, 信用取引口座, holdings, 買付余力 (issue 17 B2); stores nothing, a refusal is audited",
    params: customerPathSchema,
    body: checkOrderCoreRequestSchema,
    response: orderCheckSchema,
    errors: [404, 422],
  },
  modifyOrder: {
    method: "put",
    path: "/v1/customers/{customerId}/orders/{orderNumber}",
    summary: "訂正 of an open limit order (price, quantity)",
    params: orderPathSchema,
    body: modifyOrderCoreRequestSchema,
    response: orderSchema,
    errors: [404, 409, 422],
  },
  checkModification: {
    method: "post",
    path: "/v1/customers/{customerId}/orders/{orderNumber}/modification-checks",
    summary:
      "May this 訂正 be confirmed? The order still open, lot, tick, 値幅制限, and the cash, shares or 建玉 beyond what it holds (issue 17 B2); stores nothing, a refusal is audited",
    params: orderPathSchema,
    body: checkModificationCoreRequestSchema,
    response: orderCheckSchema,
    errors: [404, 409, 422],
  },
  cancelOrder: {
    method: "post",
    path: "/v1/customers/{customerId}/orders/{orderNumber}/cancellation",
    summary: "取消 of an open order; exactly one of cancel and fill wins",
    params: orderPathSchema,
    body: cancelOrderCoreRequestSchema,
    response: orderSchema,
    errors: [404, 409, 422],
  },
  listOrders: {
    method: "get",
    path: "/v1/customers/{customerId}/orders",
    summary: "注文照会: open and past orders, newest first, a page at a time",
    params: customerPathSchema,
    query: orderPageQuerySchema,
    response: orderListSchema,
    errors: [404],
  },
  getBalances: {
    method: "get",
    path: "/v1/customers/{customerId}/balances",
    summary: "残高照会: cash, buying power, positions, margin positions, fund holdings",
    params: customerPathSchema,
    response: balancesSchema,
    errors: [404],
  },
} as const satisfies Record<string, RouteDescriptor>;

import { type CancelOrderRequest, type Order, orderSchema } from "@kakunin/contracts/trading";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";
import { invalidateTrading } from "./place-order.ts";

/** Exactly the payload the customer confirmed (cancel_order). */
export type CancelOrderInput = GuardedCall<CancelOrderRequest>;

/** 取消 of an open order. 409 order_not_open once it filled or was cancelled. */
export function cancelOrder({ body, idempotencyKey }: CancelOrderInput): Promise<Order> {
  return guardedRequest(`/api/me/orders/${encodeURIComponent(body.orderNumber)}/cancel`, orderSchema, {
    body,
    idempotencyKey,
  });
}

export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelOrder,
    onSettled: () => invalidateTrading(queryClient),
  });
}

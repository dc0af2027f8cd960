import { type ModifyOrderRequest, type Order, orderSchema } from "@kakunin/contracts/trading";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";
import { invalidateTrading } from "./place-order.ts";

/** Exactly the payload the customer confirmed (modify_order), orderNumber included. */
export type ModifyOrderInput = GuardedCall<ModifyOrderRequest>;

/** 訂正 of an open limit order. 409 order_not_open once it filled or was cancelled. */
export function modifyOrder({ body, idempotencyKey }: ModifyOrderInput): Promise<Order> {
  return guardedRequest(`/api/me/orders/${encodeURIComponent(body.orderNumber)}`, orderSchema, {
    body,
    idempotencyKey,
    method: "PUT",
  });
}

export function useModifyOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: modifyOrder,
    // Refetched on failure too: order_not_open means the list is out of date.
    onSettled: () => invalidateTrading(queryClient),
  });
}

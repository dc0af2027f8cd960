import { IDEMPOTENCY_HEADER } from "@kakunin/contracts/step-up";
import { type CancelOrderRequest, type Order, orderSchema } from "@kakunin/contracts/trading";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { invalidateTrading } from "./place-order.ts";

export interface CancelOrderInput {
  /** Exactly the payload the customer confirmed (cancel_order). */
  body: CancelOrderRequest;
  idempotencyKey: string;
}

/** 取消 of an open order. 409 order_not_open once it filled or was cancelled. */
export function cancelOrder({ body, idempotencyKey }: CancelOrderInput): Promise<Order> {
  return apiRequest(`/api/me/orders/${encodeURIComponent(body.orderNumber)}/cancel`, orderSchema, {
    method: "POST",
    body,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelOrder,
    onSettled: () => invalidateTrading(queryClient),
  });
}

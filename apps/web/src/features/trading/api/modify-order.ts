import { IDEMPOTENCY_HEADER } from "@kakunin/contracts/step-up";
import { type ModifyOrderRequest, type Order, orderSchema } from "@kakunin/contracts/trading";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { invalidateTrading } from "./place-order.ts";

export interface ModifyOrderInput {
  /** Exactly the payload the customer confirmed (modify_order), orderNumber included. */
  body: ModifyOrderRequest;
  idempotencyKey: string;
}

/** 訂正 of an open limit order. 409 order_not_open once it filled or was cancelled. */
export function modifyOrder({ body, idempotencyKey }: ModifyOrderInput): Promise<Order> {
  return apiRequest(`/api/me/orders/${encodeURIComponent(body.orderNumber)}`, orderSchema, {
    method: "PUT",
    body,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
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

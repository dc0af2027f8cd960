import { type OrderReceipt, type OrderRequest, orderReceiptSchema } from "@kakunin/contracts/trading";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";
import { balancesQueryOptions } from "./get-balances.ts";
import { ordersQueryOptions } from "./get-orders.ts";

/** Exactly the payload the customer confirmed (place_order): the grant is bound to it. */
export type PlaceOrderInput = GuardedCall<OrderRequest>;

/**
 * 発注 (R17). 403 step_up_required without a matching grant; 422 order_rejected with
 * field errors (quantity, limitPrice, instrumentCode…) when core refuses the order.
 */
export function placeOrder({ body, idempotencyKey }: PlaceOrderInput): Promise<OrderReceipt> {
  return guardedRequest("/api/me/orders", orderReceiptSchema, { body, idempotencyKey });
}

/** After any order change: the list and what is left to buy with. */
export function invalidateTrading(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ordersQueryOptions().queryKey });
  void queryClient.invalidateQueries({ queryKey: balancesQueryOptions().queryKey });
}

export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: placeOrder,
    onSuccess: () => invalidateTrading(queryClient),
  });
}

import { type ModifyOrderRequest, orderCheckSchema } from "@kakunin/contracts/trading";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * Before 訂正確認 (issue 17 B2), as checkOrder is before 注文内容の確認: core refuses a new
 * price or quantity it would not accept (lot, tick, 値幅制限, 買付余力, holdings) with 422
 * order_rejected on the fields, or 409 order_not_open once the order filled or was cancelled.
 * Stores nothing.
 */
export function checkOrderModification(request: ModifyOrderRequest) {
  return apiRequest(`/api/me/orders/${encodeURIComponent(request.orderNumber)}/modification-checks`, orderCheckSchema, {
    method: "POST",
    body: request,
  });
}

export function useCheckOrderModification() {
  return useMutation({ mutationFn: checkOrderModification });
}

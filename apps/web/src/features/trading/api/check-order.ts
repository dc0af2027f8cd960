import { type OrderRequest, orderCheckSchema } from "@kakunin/contracts/trading";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * Before 注文内容の確認 (issue 17 B2): core answers whether the order may be confirmed, or
 * refuses it with 422 order_rejected and the fields (lot, tick, 値幅制限, holdings, 買付余力,
 * 信用取引口座), so nothing the customer could correct is first heard of after the 執行パスワード.
 * Stores nothing; the form keeps no copy of these rules.
 */
export function checkOrder(request: OrderRequest) {
  return apiRequest("/api/me/order-checks", orderCheckSchema, { method: "POST", body: request });
}

export function useCheckOrder() {
  return useMutation({ mutationFn: checkOrder });
}

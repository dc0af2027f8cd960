import {
  type MarginAccountApplication,
  type MarginAccountApplicationView,
  marginAccountApplicationViewSchema,
} from "@kakunin/contracts/margin-accounts";
import { IDEMPOTENCY_HEADER } from "@kakunin/contracts/step-up";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export interface ApplyMarginAccountInput {
  /** Exactly the payload the customer confirmed (apply_margin_account): the grant is bound to it. */
  body: MarginAccountApplication;
  /** One per confirmation, so a double submit applies once (R26). */
  idempotencyKey: string;
}

/** 信用取引口座開設の申込 (R41): answers the application, 審査中 until the broker decides. */
export function applyMarginAccount({
  body,
  idempotencyKey,
}: ApplyMarginAccountInput): Promise<MarginAccountApplicationView> {
  return apiRequest("/api/me/margin-account-applications", marginAccountApplicationViewSchema, {
    method: "POST",
    body,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

/**
 * `accountOpeningsKey`: the 口座開設状況 query's key, from its query options (owned by another
 * feature, so the route passes it in): it shows 審査中 once the application is in.
 */
export function useApplyMarginAccount({ accountOpeningsKey }: { accountOpeningsKey: QueryKey }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyMarginAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountOpeningsKey }),
  });
}

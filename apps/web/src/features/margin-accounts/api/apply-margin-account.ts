import {
  type MarginAccountApplication,
  type MarginAccountApplicationView,
  marginAccountApplicationViewSchema,
} from "@kakunin/contracts/margin-accounts";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";

/** 信用取引口座開設の申込 (R41): exactly the confirmed answers (apply_margin_account); 審査中 until the broker decides. */
export function applyMarginAccount(call: GuardedCall<MarginAccountApplication>): Promise<MarginAccountApplicationView> {
  return guardedRequest("/api/me/margin-account-applications", marginAccountApplicationViewSchema, call);
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

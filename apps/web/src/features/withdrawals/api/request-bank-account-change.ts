import {
  type BankAccountChange,
  type BankAccountChangeView,
  bankAccountChangeViewSchema,
} from "@kakunin/contracts/withdrawals";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";
import { withdrawalOverviewQueryOptions } from "./get-withdrawal-overview.ts";

/** Exactly the payload the customer confirmed (change_bank_account): the grant is bound to it. */
export type RequestBankAccountChangeInput = GuardedCall<BankAccountChange>;

/** 出金先口座変更の申請 (R14): answers the request, 申請中 until the broker has processed it. */
export function requestBankAccountChange({
  body,
  idempotencyKey,
}: RequestBankAccountChangeInput): Promise<BankAccountChangeView> {
  return guardedRequest("/api/me/bank-account-changes", bankAccountChangeViewSchema, { body, idempotencyKey });
}

export function useRequestBankAccountChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestBankAccountChange,
    onSuccess: (change) => {
      const options = withdrawalOverviewQueryOptions();
      queryClient.setQueryData(options.queryKey, (overview) =>
        overview ? { ...overview, pendingBankAccountChange: change } : overview,
      );
      void queryClient.invalidateQueries({ queryKey: options.queryKey });
    },
  });
}

import { IDEMPOTENCY_HEADER } from "@kakunin/contracts/step-up";
import {
  type BankAccountChange,
  type BankAccountChangeView,
  bankAccountChangeViewSchema,
} from "@kakunin/contracts/withdrawals";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { withdrawalOverviewQueryOptions } from "./get-withdrawal-overview.ts";

export interface RequestBankAccountChangeInput {
  /** Exactly the payload the customer confirmed (change_bank_account): the grant is bound to it. */
  body: BankAccountChange;
  /** One per confirmation, so a double submit applies once (R26). */
  idempotencyKey: string;
}

/** 出金先口座変更の申請 (R14): answers the request, 申請中 until the broker has processed it. */
export function requestBankAccountChange({
  body,
  idempotencyKey,
}: RequestBankAccountChangeInput): Promise<BankAccountChangeView> {
  return apiRequest("/api/me/bank-account-changes", bankAccountChangeViewSchema, {
    method: "POST",
    body,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
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

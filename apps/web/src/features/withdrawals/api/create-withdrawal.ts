import {
  type WithdrawalReceipt,
  type WithdrawalRequest,
  withdrawalReceiptSchema,
} from "@kakunin/contracts/withdrawals";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isApiError } from "../../../lib/api-client.ts";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";
import { withdrawalOverviewQueryOptions } from "./get-withdrawal-overview.ts";
import { withdrawalsQueryOptions } from "./get-withdrawals.ts";

/** Exactly the payload the customer confirmed (withdrawal): the grant and the 認証コード are bound to it. */
export type CreateWithdrawalInput = GuardedCall<WithdrawalRequest>;

/**
 * 出金申込 (R12). 403 step_up_required without a matching grant; 422 insufficient_funds
 * (field `amount`) when 出金可能額 fell meanwhile; 409 bank_account_changed when the
 * destination is no longer the one confirmed.
 */
export function createWithdrawal({ body, idempotencyKey }: CreateWithdrawalInput): Promise<WithdrawalReceipt> {
  return guardedRequest("/api/me/withdrawals", withdrawalReceiptSchema, { body, idempotencyKey });
}

export function useCreateWithdrawal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWithdrawal,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: withdrawalOverviewQueryOptions().queryKey });
      void queryClient.invalidateQueries({ queryKey: withdrawalsQueryOptions().queryKey });
    },
    onError: (error) => {
      // What the input screen showed is out of date: 出金可能額 or the destination changed.
      if (isApiError(error) && (error.code === "insufficient_funds" || error.code === "bank_account_changed")) {
        void queryClient.invalidateQueries({ queryKey: withdrawalOverviewQueryOptions().queryKey });
      }
    },
  });
}

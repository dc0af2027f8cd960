import { type BankAccountChange, bankAccountChangeCheckSchema } from "@kakunin/contracts/withdrawals";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * 本人名義 (R39): asks whether the new 出金先口座 may be confirmed, before the confirmation
 * (a third party's 口座名義 is refused on its field). Stores nothing.
 */
export function checkBankAccountChange(change: BankAccountChange) {
  return apiRequest("/api/me/bank-account-change-checks", bankAccountChangeCheckSchema, {
    method: "POST",
    body: change,
  });
}

export function useCheckBankAccountChange() {
  return useMutation({ mutationFn: checkBankAccountChange });
}

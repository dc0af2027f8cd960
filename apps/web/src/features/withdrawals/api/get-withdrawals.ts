import { withdrawalListSchema } from "@kakunin/contracts/withdrawals";
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";

export type WithdrawalList = z.infer<typeof withdrawalListSchema>;

/** 出金申込履歴: the customer's withdrawal requests, newest first. */
export function getWithdrawals({ signal }: { signal?: AbortSignal } = {}): Promise<WithdrawalList> {
  return apiRequest("/api/me/withdrawals", withdrawalListSchema, { signal });
}

export function withdrawalsQueryOptions() {
  return queryOptions({
    queryKey: ["me", "withdrawals", "list"],
    queryFn: ({ signal }) => getWithdrawals({ signal }),
  });
}

export function useWithdrawals() {
  return useQuery(withdrawalsQueryOptions());
}

import { type WithdrawalOverview, withdrawalOverviewSchema } from "@kakunin/contracts/withdrawals";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/** 出金可能額, the registered destination (masked) and any pending destination change. */
export function getWithdrawalOverview({ signal }: { signal?: AbortSignal } = {}): Promise<WithdrawalOverview> {
  return apiRequest("/api/me/withdrawals/overview", withdrawalOverviewSchema, { signal });
}

export function withdrawalOverviewQueryOptions() {
  return queryOptions({
    queryKey: ["me", "withdrawals", "overview"],
    queryFn: ({ signal }) => getWithdrawalOverview({ signal }),
  });
}

export function useWithdrawalOverview() {
  return useQuery(withdrawalOverviewQueryOptions());
}

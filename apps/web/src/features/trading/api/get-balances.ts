import { type Balances, balancesSchema } from "@kakunin/contracts/trading";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { MARKET_POLL_MS } from "./get-instruments.ts";

/** 残高照会: 現金残高, 買付余力, holdings valued at the current prices. */
export function getBalances({ signal }: { signal?: AbortSignal } = {}): Promise<Balances> {
  return apiRequest("/api/me/balances", balancesSchema, { signal });
}

export function balancesQueryOptions() {
  return queryOptions({
    queryKey: ["me", "balances"],
    queryFn: ({ signal }) => getBalances({ signal }),
    // Valuations follow the prices.
    refetchInterval: MARKET_POLL_MS,
  });
}

export function useBalances() {
  return useQuery(balancesQueryOptions());
}

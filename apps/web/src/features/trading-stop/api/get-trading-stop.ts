import { type TradingStop, tradingStopSchema } from "@kakunin/contracts/trading-stop";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export function getTradingStop({ signal }: { signal?: AbortSignal } = {}): Promise<TradingStop> {
  return apiRequest("/api/me/trading-stop", tradingStopSchema, { signal });
}

/** 取引停止 (R33): whether trading is stopped, and the number that lifts it. */
export function tradingStopQueryOptions() {
  return queryOptions({
    queryKey: ["me", "trading-stop"],
    queryFn: ({ signal }) => getTradingStop({ signal }),
  });
}

export function useTradingStop() {
  return useQuery(tradingStopQueryOptions());
}

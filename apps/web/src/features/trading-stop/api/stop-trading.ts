import { type TradingStop, tradingStopSchema } from "@kakunin/contracts/trading-stop";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { tradingStopQueryOptions } from "./get-trading-stop.ts";

/** Stops trading (no password: stopping must be easy); the BFF ends the customer's other sessions. */
export function stopTrading(): Promise<TradingStop> {
  return apiRequest("/api/me/trading-stop", tradingStopSchema, { method: "POST", body: { confirm: true } });
}

export function useStopTrading({ onSuccess }: { onSuccess?: (state: TradingStop) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stopTrading,
    onSuccess: (state) => {
      queryClient.setQueryData(tradingStopQueryOptions().queryKey, state);
      onSuccess?.(state);
    },
  });
}

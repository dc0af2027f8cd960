import { type Instrument, instrumentListSchema } from "@kakunin/contracts/trading";
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";

export type InstrumentList = z.infer<typeof instrumentListSchema>;

/** Prices move: a trading screen refreshes them every 3 seconds while it is shown. */
export const MARKET_POLL_MS = 3000;

/** 銘柄一覧 with the simulated current prices (株価, 基準価額) and 値幅制限. */
export function getInstruments({ signal }: { signal?: AbortSignal } = {}): Promise<InstrumentList> {
  return apiRequest("/api/market/instruments", instrumentListSchema, { signal });
}

export function instrumentsQueryOptions() {
  return queryOptions({
    queryKey: ["market", "instruments"],
    queryFn: ({ signal }) => getInstruments({ signal }),
    refetchInterval: MARKET_POLL_MS,
  });
}

export function useInstruments() {
  return useQuery(instrumentsQueryOptions());
}

export function findInstrument(
  list: InstrumentList | undefined,
  code: string,
  kind: Instrument["kind"],
): Instrument | undefined {
  return list?.instruments.find((instrument) => instrument.code === code && instrument.kind === kind);
}

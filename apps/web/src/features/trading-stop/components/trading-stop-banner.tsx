import { useTradingStop } from "../api/get-trading-stop.ts";
import { TradingStoppedAlert } from "./trading-stopped-alert.tsx";

/**
 * 会員トップ's alert while trading is stopped (R33). Silent while loading or if the state
 * cannot be read: core refuses every stopped operation whatever this shows.
 */
export function TradingStopBanner() {
  const { data } = useTradingStop();
  return data?.stopped ? <TradingStoppedAlert state={data} /> : null;
}

import { type TradingStop, tradingStopSchema } from "@kakunin/contracts/trading-stop";

/**
 * 取引停止's API fixtures (R33), shared by the tests and the stories; checked against the
 * contract schema when this module loads, as fixtures.ts does.
 */
const checked = (value: TradingStop): TradingStop => tradingStopSchema.parse(value);

export const tradingNotStopped = checked({ stopped: false, stoppedAt: null, supportPhone: "0120-000-000" });

/** Stopped on 2026/11/25 16:04:05 JST. */
export const tradingStopped = checked({
  stopped: true,
  stoppedAt: "2026-11-25T07:04:05.000Z",
  supportPhone: "0120-000-000",
});

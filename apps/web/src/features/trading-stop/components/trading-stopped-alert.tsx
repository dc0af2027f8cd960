import type { TradingStop } from "@kakunin/contracts/trading-stop";
import { Alert } from "@kakunin/ui/alert";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { tradingStopCatalog } from "../i18n.ts";

/** 取引停止中 (R33): what is stopped since when, and the number that lifts it. */
export function TradingStoppedAlert({ state }: { state: TradingStop }) {
  const { t } = useT(tradingStopCatalog);
  return (
    <Alert variant="error" title={t("tradingStop.alert.title")}>
      <p>
        {state.stoppedAt
          ? t("tradingStop.alert.stoppedSince", { at: formatJstDateTime(state.stoppedAt) })
          : t("tradingStop.alert.stopped")}
      </p>
      <p>
        {/* Two messages around the number: it stays in <strong>, where each language puts it. */}
        {t("tradingStop.alert.liftBefore")}
        <strong>{state.supportPhone}</strong>
        {t("tradingStop.alert.liftAfter")}
      </p>
    </Alert>
  );
}

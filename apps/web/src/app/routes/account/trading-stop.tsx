import { Button } from "@kakunin/ui/button";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete, StepSection } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { QueryStatus } from "../../../components/query-status.tsx";
import { useTradingStop } from "../../../features/trading-stop/api/get-trading-stop.ts";
import { useStopTrading } from "../../../features/trading-stop/api/stop-trading.ts";
import { TradingStoppedAlert } from "../../../features/trading-stop/components/trading-stopped-alert.tsx";
import { useT } from "../../../lib/i18n/use-t.ts";
import { paths } from "../../screens.ts";
import { accountRoutesCatalog } from "./i18n.ts";

function BackToMemberTop() {
  const { t } = useT(accountRoutesCatalog);
  return (
    <p>
      <Link to={paths.home}>{t("account.backToHome")}</Link>
    </p>
  );
}

/**
 * 取引停止 (R33): a customer who suspects misuse stops the account. One confirmation and no
 * password: stopping must be easy, and whoever stops the account harms nothing. Lifting is
 * by telephone only, so the confirmation says so before the customer commits.
 */
function TradingStopPage() {
  const { t } = useT(accountRoutesCatalog);
  const state = useTradingStop();
  const [step, setStep] = useState<"input" | "confirm" | "done">("input");
  const stop = useStopTrading({ onSuccess: () => setStep("done") });

  if (!state.data) return <QueryStatus query={state} what={t("account.tradingStop.what")} />;
  if (step === "done") {
    return (
      <div className="kk-stack">
        <StepIndicator current={2} />
        <ChangeComplete title={t("account.tradingStop.doneTitle")}>
          <TradingStoppedAlert state={state.data} />
          <p>{t("account.tradingStop.done")}</p>
          <BackToMemberTop />
        </ChangeComplete>
      </div>
    );
  }
  if (state.data.stopped) {
    return (
      <div className="kk-stack">
        <TradingStoppedAlert state={state.data} />
        <BackToMemberTop />
      </div>
    );
  }
  if (step === "confirm") {
    return (
      <div className="kk-stack">
        <StepIndicator current={1} />
        <StepSection title={t("account.tradingStop.confirmTitle")}>
          <p>{t("account.tradingStop.confirmQuestion")}</p>
          <p>{t("account.tradingStop.confirmLift", { phone: state.data.supportPhone })}</p>
          {stop.isError && <ApiErrorAlert error={stop.error} />}
          <div className="kk-actions">
            <Button loading={stop.isPending} onClick={() => stop.mutate()}>
              {t("account.tradingStop.stop")}
            </Button>
            <Button variant="secondary" onClick={() => setStep("input")}>
              {t("account.tradingStop.back")}
            </Button>
          </div>
        </StepSection>
      </div>
    );
  }
  return (
    <div className="kk-stack">
      <StepIndicator current={0} />
      <p>{t("account.tradingStop.intro")}</p>
      <p>{t("account.tradingStop.introLift")}</p>
      <div className="kk-actions">
        <Button onClick={() => setStep("confirm")}>{t("account.tradingStop.start")}</Button>
      </div>
    </div>
  );
}

export function route() {
  return {
    Component: TradingStopPage,
  };
}

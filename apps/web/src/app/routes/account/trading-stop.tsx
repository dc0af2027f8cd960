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
import { paths } from "../../screens.ts";

const home = (
  <p>
    <Link to={paths.home}>会員トップへ戻る</Link>
  </p>
);

/**
 * 取引停止 (R33): a customer who suspects misuse stops the account. One confirmation and no
 * password: stopping must be easy, and whoever stops the account harms nothing. Lifting is
 * by telephone only, so the confirmation says so before the customer commits.
 */
function TradingStopPage() {
  const state = useTradingStop();
  const [step, setStep] = useState<"input" | "confirm" | "done">("input");
  const stop = useStopTrading({ onSuccess: () => setStep("done") });

  if (!state.data) return <QueryStatus query={state} what="取引停止の状態" />;
  if (step === "done") {
    return (
      <div className="kk-stack">
        <StepIndicator current={2} />
        <ChangeComplete title="取引を停止しました">
          <TradingStoppedAlert state={state.data} />
          <p>他の端末でのログインはすべて終了しました。取引停止のお知らせをメールでお送りしました。</p>
          {home}
        </ChangeComplete>
      </div>
    );
  }
  if (state.data.stopped) {
    return (
      <div className="kk-stack">
        <TradingStoppedAlert state={state.data} />
        {home}
      </div>
    );
  }
  if (step === "confirm") {
    return (
      <div className="kk-stack">
        <StepIndicator current={1} />
        <StepSection title="取引停止の確認">
          <p>お取引を停止します。よろしいですか。</p>
          <p>
            停止の解除は、お客様サポートセンター（{state.data.supportPhone}
            ）へのお電話と本人確認のうえで行います。画面からは解除できません。
          </p>
          {stop.isError && <ApiErrorAlert error={stop.error} />}
          <div className="kk-actions">
            <Button loading={stop.isPending} onClick={() => stop.mutate()}>
              停止する
            </Button>
            <Button variant="secondary" onClick={() => setStep("input")}>
              戻る
            </Button>
          </div>
        </StepSection>
      </div>
    );
  }
  return (
    <div className="kk-stack">
      <StepIndicator current={0} />
      <p>
        第三者による不正利用のおそれがある場合は、ただちにお取引を停止できます。停止すると、ご注文（新規・訂正）、出金、出金先口座・メールアドレス・パスワードの変更、パスキーの登録・削除、信用取引口座の申込ができなくなり、他の端末でのログインはすべて終了します。ご注文の取消は停止中もご利用いただけます。
      </p>
      <p>停止の解除は、お客様サポートセンターへのお電話と本人確認のうえで行います。</p>
      <div className="kk-actions">
        <Button onClick={() => setStep("confirm")}>取引を停止する</Button>
      </div>
    </div>
  );
}

export function route() {
  return {
    Component: TradingStopPage,
  };
}

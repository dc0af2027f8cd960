import type { TradingStop } from "@kakunin/contracts/trading-stop";
import { Alert } from "@kakunin/ui/alert";
import { formatJstDateTime } from "../../../lib/format.ts";

/** 取引停止中 (R33): what is stopped since when, and the number that lifts it. */
export function TradingStoppedAlert({ state }: { state: TradingStop }) {
  return (
    <Alert variant="error" title="取引停止中">
      <p>
        {state.stoppedAt ? `${formatJstDateTime(state.stoppedAt)} から、` : ""}
        お客様のお申し出によりお取引を停止しています。ご注文（新規・訂正）、出金、出金先口座・メールアドレス・パスワードの変更、パスキーの登録・削除、信用取引口座の申込はご利用いただけません（ご注文の取消はご利用いただけます）。
      </p>
      <p>
        停止の解除をご希望の場合は、お客様サポートセンター（<strong>{state.supportPhone}</strong>
        ）までお電話でご連絡ください。本人確認のうえ解除いたします。
      </p>
    </Alert>
  );
}

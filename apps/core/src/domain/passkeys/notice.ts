import type { Notice } from "@kakunin/contracts/customers";
import { stepUpOperations } from "@kakunin/contracts/step-up";
import { formatJstDateTime } from "@kakunin/format/jst";
import type { CoreServices } from "../../lib/types.ts";

/**
 * お知らせ「パスキー登録のお願い」 (issue 14): shown to a customer with no usable passkey (none,
 * or all suspended), with the steps to register one and, where the policy enforces it, the
 * date from which the enforced operations need one. Gone once they have a usable passkey:
 * domain/notices.ts counts them in its one query and calls this only when there is none.
 */
export function buildPasskeyRegistrationNotice(services: CoreServices, customerId: string): Notice {
  const { enforcedOperations, enforcementDate } = services.passkeyPolicy;
  // "2027/04/01 00:00" in Japan time: the minute is enough for a date customers plan around.
  const when = formatJstDateTime(enforcementDate).slice(0, 16);
  const enforced = enforcedOperations.map((o) => stepUpOperations[o].label).join("・");
  const lines = [
    "フィッシング詐欺による不正な出金などを防ぐため、パスキー（指紋・顔・PINなど端末の画面ロックを使う認証）の登録をお願いいたします。",
    "",
    "【登録手順】",
    "1. ログイン後、口座管理の「パスキー設定」を開く",
    "2. 「登録する」を押し、パスキー名を入力",
    "3. 執行パスワードとメールで届く認証コードを入力",
    "4. 端末の画面ロック（指紋・顔・PIN）で登録",
    ...(enforced
      ? ["", `${when}（日本時間）以降、${enforced}のお手続きにはパスキーが必要になります。お早めにご登録ください。`]
      : []),
  ];
  return {
    id: "passkey-registration",
    kind: "important",
    title: "パスキー登録のお願い",
    body: lines.join("\n"),
    publishedAt: services.clock.now(customerId).toISOString(),
  };
}

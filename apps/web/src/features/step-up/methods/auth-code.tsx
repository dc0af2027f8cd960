import { authCodeSchema } from "@kakunin/contracts/step-up";
import { Button } from "@kakunin/ui/button";
import { TextField } from "@kakunin/ui/field";
import type { StepUpFieldProps, StepUpMethodUi } from "./step-up-method-ui.ts";

export function wrongAuthCodeMessage(remainingCodeAttempts: number): string {
  return remainingCodeAttempts > 0
    ? `認証コードが正しくありません。あと${remainingCodeAttempts}回入力できます。`
    : "認証コードが正しくありません。この認証コードは無効になりました。認証コードを再送信してください。";
}

/** Codes typed with a Japanese IME arrive as full-width digits (１２３４５６); spaces are noise. */
function normalizeCode(value: string): string {
  return value.normalize("NFKC").replace(/[\s-]/g, "");
}

function AuthCodeField({ challenge, registration, error, spent, onRenew, renewing, actionRef }: StepUpFieldProps) {
  const hint = challenge?.codeSentTo
    ? `${challenge.codeSentTo} に認証コードを送信しました。`
    : "ご登録のメールアドレスに送信した認証コードを入力してください。";
  return (
    <>
      <TextField
        label="認証コード"
        hint={hint}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        pattern="[0-9]*"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        error={error}
        {...registration}
      />
      <div className="kk-actions">
        <Button ref={actionRef} variant={spent ? "primary" : "secondary"} loading={renewing} onClick={onRenew}>
          再送信
        </Button>
        <span className="kk-text-sm kk-text-muted">認証コードは10分間有効です。届かない場合は再送信してください。</span>
      </div>
    </>
  );
}

/** The mailed 認証コード (R13, R30): asked for by the customer's settings; 再送信 mails a new one. */
export const authCodeUi: StepUpMethodUi<"auth_code"> = {
  name: "auth_code",
  field: "authCode",
  schema: authCodeSchema,
  toRequest(value) {
    const code = normalizeCode(value);
    return code === "" ? undefined : code;
  },
  Field: AuthCodeField,
  instruction: "メールでお送りした認証コードを入力",
  perChallenge: true,
  restartIntro: "新しい認証コードを入力してください。",
  renewedMessage: "認証コードを再送信しました。",
  missingCode: "auth_code_required",
  react(error, moment) {
    switch (error.code) {
      case "wrong_auth_code": {
        const left = error.remainingCodeAttempts;
        // The last wrong entry voids the code: only 再送信 helps now.
        const spent = left === 0;
        const message = left !== undefined ? wrongAuthCodeMessage(left) : error.message;
        return { message, clear: true, spent, focus: spent ? "action" : "field" };
      }
      case "auth_code_expired":
        return { message: error.message, clear: true, spent: true, focus: "action" };
      case "auth_code_resend_too_soon":
        // On arrival: a code went out less than a minute ago (e.g. on the previous screen) and still works.
        return moment === "start" ? {} : { message: error.message };
      case "auth_code_resend_limit":
        // The form stays: a code sent earlier may still work, only a new one is refused.
        return { message: error.message };
      default:
        return null;
    }
  },
};

import { authCodeSchema } from "@kakunin/contracts/step-up";
import { formatJstTime } from "@kakunin/format/jst";
import { Button } from "@kakunin/ui/button";
import { TextField } from "@kakunin/ui/field";
import { type Translate, translate, useT } from "../../../lib/i18n/use-t.ts";
import { stepUpCatalog } from "../i18n.ts";
import type { StepUpFieldProps, StepUpMethodUi } from "./step-up-method-ui.ts";

/** Said when the refusal happens, so in the language of that moment. */
export function wrongAuthCodeMessage(remainingCodeAttempts: number): string {
  return remainingCodeAttempts > 0
    ? translate("stepUp.authCode.wrong", { remaining: remainingCodeAttempts })
    : translate("stepUp.authCode.wrongVoid");
}

/** Codes typed with a Japanese IME arrive as full-width digits (１２３４５６); spaces are noise. */
function normalizeCode(value: string): string {
  return value.normalize("NFKC").replace(/[\s-]/g, "");
}

function codeHint(t: Translate, challenge: StepUpFieldProps["challenge"]): string {
  if (!challenge?.codeSentTo) return t("stepUp.authCode.hintRegisteredAddress");
  const reused = challenge.codeReused;
  // Issue 17 B1: opened again within the minute: the code already mailed is the one to enter.
  if (reused) {
    return t("stepUp.authCode.hintReused", {
      sentAt: formatJstTime(new Date(reused.sentAt)),
      sentTo: challenge.codeSentTo,
      resendAt: formatJstTime(new Date(reused.resendAt)),
    });
  }
  return t("stepUp.authCode.hintSent", { sentTo: challenge.codeSentTo });
}

function AuthCodeField({ challenge, registration, error, spent, onRenew, renewing, actionRef }: StepUpFieldProps) {
  const { t } = useT(stepUpCatalog);
  const hint = codeHint(t, challenge);
  return (
    <>
      <TextField
        label={t("stepUp.authCode.label")}
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
          {t("stepUp.authCode.resend")}
        </Button>
        <span className="kk-text-sm kk-text-muted">{t("stepUp.authCode.validity")}</span>
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
  instruction: "stepUp.authCode.instruction",
  perChallenge: true,
  restartIntro: "stepUp.authCode.restartIntro",
  renewedMessage: (challenge) => {
    const reused = challenge.codeReused;
    // Issue 17 B1: 再送信 within the minute: no new mail; the one already sent still works.
    if (!reused) return translate("stepUp.authCode.resent");
    return translate("stepUp.authCode.resentReused", {
      resendAt: formatJstTime(new Date(reused.resendAt)),
      sentAt: formatJstTime(new Date(reused.sentAt)),
    });
  },
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
      case "auth_code_resend_limit":
        // 再送信 refused: the form stays, the code sent before may still work. On arrival it is
        // no answer of this method's (issue 17 B1): core hands back a code still valid for this
        // confirmation itself, so a refusal means there is none, and the start failed; the
        // message says when a new code can be sent.
        return moment === "start" ? null : { message: error.message };
      default:
        return null;
    }
  },
};

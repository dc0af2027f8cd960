import { authenticationResponseSchema } from "@kakunin/contracts/passkeys";
import type { StepUpChallenge } from "@kakunin/contracts/step-up";
import { Button } from "@kakunin/ui/button";
import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from "@simplewebauthn/browser";
import { useId } from "react";
import { z } from "zod";
import { translate, useT } from "../../../lib/i18n/use-t.ts";
import { stepUpCatalog } from "../i18n.ts";
import type { CollectOutcome, StepUpFieldProps, StepUpMethodUi } from "./step-up-method-ui.ts";

/**
 * The assertion, checked against the contract. Its issues are reported on the field itself
 * (not on nested paths the screen has no input for); their messages are ids, worded in the
 * customer's language by the form's resolver.
 */
const passkeyAnswerSchema = z.unknown().superRefine((value, context) => {
  if (value === undefined) context.addIssue({ code: "custom", message: "errors.passkey_required" });
  else if (!authenticationResponseSchema.safeParse(value).success)
    context.addIssue({ code: "custom", message: "errors.passkey_invalid" });
});

/**
 * Asks the browser for an assertion over the challenge's options (their challenge is derived
 * from the operation digest, so the signature covers exactly what is confirmed).
 */
async function collectAssertion(challenge: StepUpChallenge | null): Promise<CollectOutcome> {
  const options = challenge?.passkeyOptions;
  // No options: the start was refused (e.g. a code sent moments ago) or they are being renewed.
  if (!options) return { ok: false, message: translate("errors.passkey_challenge_expired") };
  try {
    // The contract checks only the fields the SPA reads; the rest is passed to the browser as core built it.
    const response = await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
    return { ok: true, answer: JSON.stringify(response) };
  } catch {
    // NotAllowedError (cancelled, timed out, no passkey for this site) is by far the usual case;
    // the others (an aborted or unsupported ceremony) leave the customer the same thing to do.
    return { ok: false, message: translate("stepUp.passkey.cancelled") };
  }
}

function PasskeyField({ answer, error, onCollect, collecting, renewing, actionRef }: StepUpFieldProps) {
  const { t } = useT(stepUpCatalog);
  const base = useId();
  const ids = { hint: `${base}-hint`, error: `${base}-error` };
  const describedBy = [error ? ids.error : null, ids.hint].filter(Boolean).join(" ");
  // A fieldset named by its legend, as the radio groups are (their class resets its border).
  return (
    <fieldset className={error ? "kk-field kk-radio-group kk-field--invalid" : "kk-field kk-radio-group"}>
      <legend className="kk-field__label kk-radio-group__legend">{t("stepUp.passkey.label")}</legend>
      <p className="kk-field__hint" id={ids.hint}>
        {t("stepUp.passkey.hint")}
      </p>
      <div className="kk-actions">
        <Button
          ref={actionRef}
          variant={answer === "" ? "primary" : "secondary"}
          loading={collecting || renewing}
          // The error first, so it is read with the button (aria-invalid is not for buttons).
          aria-describedby={describedBy}
          onClick={onCollect}
        >
          {t("stepUp.passkey.button")}
        </Button>
      </div>
      {answer !== "" && !error && (
        <p className="kk-text-sm" role="status">
          {t("stepUp.passkey.confirmed")}
        </p>
      )}
      {error && (
        <p className="kk-field__error" id={ids.error}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The passkey (issue 14, decision 012): the browser's assertion over options the challenge
 * carries. The assertion belongs to one challenge and is spent by any verification; a refusal
 * that used up the options asks for new ones (which, with an 認証コード, also mails a new code:
 * the BFF starts every method of the confirmation together).
 */
export const passkeyUi: StepUpMethodUi<"passkey"> = {
  name: "passkey",
  field: "passkey",
  schema: passkeyAnswerSchema,
  toRequest(value) {
    if (value === "") return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  },
  Field: PasskeyField,
  instruction: "stepUp.passkey.instruction",
  collect: collectAssertion,
  perChallenge: true,
  singleUse: true,
  react(error) {
    switch (error.code) {
      case "passkey_required":
        return { message: error.message, focus: "action" };
      case "passkey_invalid":
      case "passkey_challenge_expired":
        // The options were single use: new ones come with a new challenge.
        return { message: error.message, clear: true, renew: true, focus: "action" };
      case "passkey_unknown":
      case "passkey_suspended":
        // Another of the customer's passkeys may still confirm.
        return { message: error.message, clear: true, focus: "action" };
      default:
        return null;
    }
  },
};

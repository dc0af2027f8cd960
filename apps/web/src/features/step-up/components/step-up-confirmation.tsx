import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { Button } from "@kakunin/ui/button";
import type { ReactNode } from "react";
import { ApiError, type StepUpDemand } from "../../../lib/api-client.ts";
import { contractsCatalog } from "../../../lib/i18n/shared-catalogs.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { stepUpCatalog } from "../i18n.ts";
import { joinSentences } from "../model/sentences.ts";
import { useStepUpConfirmation } from "../model/use-step-up-confirmation.ts";
import { StepUpFields } from "./step-up-fields.tsx";
import { StepUpNotice } from "./step-up-notice.tsx";
import { StepUpFailed, StepUpLocked } from "./step-up-unavailable.tsx";

export interface StepUpConfirmationProps {
  operation: StepUpOperation;
  /**
   * Exactly what executes once confirmed (R26): the guarded call's body, `{}` for a view.
   * The grant is bound to it, so the caller must send this very object afterwards.
   */
  payload: Record<string, unknown>;
  /** From the 403 `step_up_required`. Without it, the fields follow the challenge's methods. */
  requirement?: Pick<StepUpDemand, "methods"> | undefined;
  /**
   * What confirming does, e.g. 以下の内容で出金を申し込みます。 The confirmation adds how to
   * confirm, naming only the methods it asks for (issue 17 B7), and `instructionAfter`.
   */
  instruction?: string | undefined;
  /** What follows the button, e.g. the device's own prompt for a passkey registration. */
  instructionAfter?: string | undefined;
  /** What will happen, e.g. a definition list of the confirmed fields. */
  summary: ReactNode;
  /** e.g. 表示する for a view, 変更する for a change (worded by the caller); 確認する by default. */
  submitLabel?: string | undefined;
  /**
   * Called once the BFF holds the grant: retry the guarded call here. While the returned
   * promise is pending the button stays busy; if it rejects, the error shows here and the
   * button retries the call without asking for the password again. A rejection with
   * step_up_required is the caller's to handle (start a new confirmation).
   */
  onConfirmed: () => unknown;
  onCancel?: (() => void) | undefined;
  /** 戻る by default. */
  cancelLabel?: string | undefined;
}

/** A method the server asks for but this build has no module for: said, never skipped. */
function unsupported(t: Translate, names: readonly string[]): ApiError {
  return new ApiError({
    code: "internal_error",
    status: 0,
    message: t("stepUp.unsupportedMethods", { methods: names.join(t("stepUp.listSeparator")) }),
  });
}

/**
 * The confirmation screen's step-up (R6, R13, R20, R30, R35): starts the challenge (which
 * mails the 認証コード when needed), asks for what each required method needs, verifies it,
 * then lets the caller retry its call. Reused by every guarded operation; the methods come
 * from their modules (`../methods/registry.ts`), so adding one does not touch this file.
 */
export function StepUpConfirmation({
  operation,
  payload,
  requirement,
  instruction,
  instructionAfter,
  summary,
  submitLabel: givenSubmitLabel,
  onConfirmed,
  onCancel,
  cancelLabel,
}: StepUpConfirmationProps) {
  // The contracts' catalogue words the answers' field messages and the errors said here.
  const { t, locale } = useT(stepUpCatalog, contractsCatalog);
  const submitLabel = givenSubmitLabel ?? t("stepUp.submit");
  const flow = useStepUpConfirmation({ operation, payload, requirement, submitLabel, onConfirmed });
  const { state, lookup } = flow;

  const cancelButton = onCancel && (
    <Button variant="secondary" onClick={onCancel}>
      {cancelLabel ?? t("stepUp.back")}
    </Button>
  );

  if (state.status === "locked") return <StepUpLocked message={state.message} cancelButton={cancelButton} />;

  const unknownMethods = lookup !== null && !lookup.ok;
  if (state.status === "failed" || (state.status === "ready" && lookup === null) || unknownMethods) {
    const error =
      state.status === "failed" ? state.error : lookup && !lookup.ok ? unsupported(t, lookup.unknown) : null;
    return (
      <StepUpFailed
        error={error}
        summary={summary}
        retrying={flow.starting}
        onRetry={flow.retryStart}
        cancelButton={cancelButton}
      />
    );
  }

  if (lookup === null) {
    return (
      <p className="kk-loading" role="status">
        {t("stepUp.preparing")}
      </p>
    );
  }

  const ready = state.status === "ready" ? state : null;
  const submitting = ready?.submitting ?? false;
  const methods = lookup.ok ? lookup.methods : [];
  const howTo =
    methods.length > 0
      ? t("stepUp.howToWithMethods", {
          steps: methods.map((method) => t(method.instruction)).join(t("stepUp.stepSeparator")),
          submitLabel,
        })
      : t("stepUp.howTo", { submitLabel });
  return (
    <div className="kk-stack">
      {instruction !== undefined && <p>{joinSentences([instruction, howTo, instructionAfter], locale)}</p>}
      {summary}
      <form className="kk-form" noValidate onSubmit={flow.onSubmit}>
        <StepUpNotice notice={ready?.notice ?? null} onRestart={flow.restart} />
        {ready?.verified ? (
          !submitting && <p>{t("stepUp.verified", { submitLabel })}</p>
        ) : (
          <StepUpFields
            methods={methods}
            challenge={ready?.challenge ?? null}
            form={flow.form}
            spent={ready?.spent ?? []}
            resending={ready?.resending ?? false}
            onRenew={flow.renew}
            onCollect={flow.collect}
            collecting={flow.collecting}
            actionRef={flow.actionRef}
          />
        )}
        <div className="kk-form__actions kk-actions">
          <Button type="submit" loading={submitting || state.status === "starting"}>
            {submitLabel}
          </Button>
          {cancelButton}
        </div>
      </form>
    </div>
  );
}

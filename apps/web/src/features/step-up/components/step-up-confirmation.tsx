import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { Button } from "@kakunin/ui/button";
import type { ReactNode } from "react";
import { ApiError, type StepUpDemand } from "../../../lib/api-client.ts";
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
  /** e.g. 表示する for a view, 変更する for a change. */
  submitLabel?: string;
  /**
   * Called once the BFF holds the grant: retry the guarded call here. While the returned
   * promise is pending the button stays busy; if it rejects, the error shows here and the
   * button retries the call without asking for the password again. A rejection with
   * step_up_required is the caller's to handle (start a new confirmation).
   */
  onConfirmed: () => unknown;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
}

/** A method the server asks for but this build has no module for: said, never skipped. */
function unsupported(names: readonly string[]): ApiError {
  return new ApiError({
    code: "internal_error",
    status: 0,
    message: `この画面は確認方法（${names.join("、")}）に対応していません。ページを再読み込みしてください。`,
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
  submitLabel = "確認する",
  onConfirmed,
  onCancel,
  cancelLabel = "戻る",
}: StepUpConfirmationProps) {
  const flow = useStepUpConfirmation({ operation, payload, requirement, submitLabel, onConfirmed });
  const { state, lookup } = flow;

  const cancelButton = onCancel && (
    <Button variant="secondary" onClick={onCancel}>
      {cancelLabel}
    </Button>
  );

  if (state.status === "locked") return <StepUpLocked message={state.message} cancelButton={cancelButton} />;

  const unknownMethods = lookup !== null && !lookup.ok;
  if (state.status === "failed" || (state.status === "ready" && lookup === null) || unknownMethods) {
    const error = state.status === "failed" ? state.error : lookup && !lookup.ok ? unsupported(lookup.unknown) : null;
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
        確認画面を準備しています…
      </p>
    );
  }

  const ready = state.status === "ready" ? state : null;
  const submitting = ready?.submitting ?? false;
  const methods = lookup.ok ? lookup.methods : [];
  const howTo =
    methods.length > 0
      ? `よろしければ${methods.map((method) => method.instruction).join("し、")}し、「${submitLabel}」を押してください。`
      : `よろしければ「${submitLabel}」を押してください。`;
  return (
    <div className="kk-stack">
      {instruction !== undefined && (
        <p>
          {instruction}
          {howTo}
          {instructionAfter}
        </p>
      )}
      {summary}
      <form className="kk-form" noValidate onSubmit={flow.onSubmit}>
        <StepUpNotice notice={ready?.notice ?? null} onRestart={flow.restart} />
        {ready?.verified ? (
          !submitting && <p>本人確認は完了しています。「{submitLabel}」を押してください。</p>
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

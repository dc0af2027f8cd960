import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { StepSection } from "@kakunin/ui/step-section";
import type { ReactNode } from "react";
import type { GuardedCall } from "../../../lib/guarded-request.ts";
import type { PendingStepUp, StepUpFlow } from "../../../lib/step-up.ts";
import { StepUpConfirmation } from "./step-up-confirmation.tsx";

export interface ConfirmStepProps<T extends Record<string, unknown>, R> {
  flow: StepUpFlow<T>;
  /** `flow.pending`, once the screen has checked it is there. */
  pending: PendingStepUp<T>;
  operation: StepUpOperation;
  /** The step's h2, e.g. 注文内容の確認. */
  title: string;
  /**
   * Above the confirmation, in a paragraph: what happens, e.g. 以下の内容で出金を申し込みます。
   * The confirmation adds what to enter and which button to press.
   */
  instruction: string;
  /** After that, e.g. what the device will ask for a passkey registration. */
  instructionAfter?: string | undefined;
  /** What will be sent, e.g. a definition list of `pending.payload`. */
  summary: ReactNode;
  /** e.g. 注文する, 変更する. */
  submitLabel: string;
  /** The StepIndicator's labels when the flow is not 入力 → 確認 → 完了 (e.g. 訂正, 取消). */
  steps?: readonly string[];
  /** Index of this step in `steps`; the default is 確認 of 入力 → 確認 → 完了. */
  current?: number;
  cancelLabel?: string;
  /** The guarded call, e.g. a mutation's `mutateAsync` that takes `{ body, idempotencyKey }`. */
  execute: (call: GuardedCall<T>) => Promise<R>;
  /** After the call succeeded and the confirmation was left: show the completion. */
  onDone: (result: R) => void;
  /**
   * A failure the screen answers itself (e.g. order_rejected → back to the input with the
   * field errors): return true once handled, and the confirmation is left without onDone.
   * Otherwise the error shows on the confirmation, whose button retries the call.
   */
  onError?: (error: unknown) => boolean;
  /** 戻る: the confirmation has been left; go back to where the customer came from. */
  onCancel: () => void;
}

/**
 * The final confirmation step of a guarded change (R6, R13, R26, R35): the step indicator,
 * the titled section (which takes focus when it appears) and the step-up confirmation, then
 * the guarded call with exactly the confirmed body. It owns the flow's exits: done, 戻る, a
 * failure the screen handled (each leaves the confirmation), and step_up_required, which
 * starts a new confirmation of the same body; the screen keeps its own steps.
 */
export function ConfirmStep<T extends Record<string, unknown>, R>({
  flow,
  pending,
  operation,
  title,
  instruction,
  instructionAfter,
  summary,
  submitLabel,
  steps,
  current = 1,
  cancelLabel,
  execute,
  onDone,
  onError,
  onCancel,
}: ConfirmStepProps<T, R>) {
  const confirmed = async () => {
    let result: R;
    try {
      // The very object the challenge (and its code) was bound to, under this confirmation's key.
      result = await execute({ body: pending.payload, idempotencyKey: pending.idempotencyKey });
    } catch (error) {
      // A new confirmation of the same body replaces this one; rethrown so this one does not count as done.
      if (flow.restartIfRequired(error)) throw error;
      if (onError?.(error)) {
        flow.cancel();
        return;
      }
      throw error;
    }
    flow.cancel();
    onDone(result);
  };

  return (
    <div className="kk-stack">
      <StepIndicator current={current} steps={steps} />
      <StepSection title={title}>
        <StepUpConfirmation
          key={pending.id}
          operation={operation}
          payload={pending.payload}
          requirement={pending.requirement}
          instruction={instruction}
          instructionAfter={instructionAfter}
          summary={summary}
          submitLabel={submitLabel}
          onConfirmed={confirmed}
          onCancel={() => {
            flow.cancel();
            onCancel();
          }}
          cancelLabel={cancelLabel}
        />
      </StepSection>
    </div>
  );
}

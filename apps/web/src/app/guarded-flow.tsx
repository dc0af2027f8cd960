import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { defaultSteps, StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete, StepSection } from "@kakunin/ui/step-section";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { ConfirmStep } from "../features/step-up/components/confirm-step.tsx";
import type { GuardedCall } from "../lib/guarded-request.ts";
import { type StepUpFlow, useStepUpFlow } from "../lib/step-up.ts";

type Payload = Record<string, unknown>;

/** Where a guarded change stands; the input step itself (values, errors shown) is the screen's. */
export type GuardedStep<T, C, R> =
  | { step: "input" }
  | { step: "confirm"; context: C }
  | { step: "complete"; result: R; payload: T; context: C };

export interface Guarded<T extends Payload, C, R> {
  step: GuardedStep<T, C, R>;
  flow: StepUpFlow<T>;
  /**
   * 確認: go to the final confirmation of exactly `payload` (what will be sent); `context`
   * is what the confirmation and the completion show beside it (e.g. the instrument).
   */
  confirm: (payload: T, context: C) => void;
  /** Back to the screen's input (e.g. from the completion's 戻る). */
  toInput: () => void;
  /** The call succeeded: show the completion. */
  complete: (result: R, payload: T, context: C) => void;
}

/**
 * The state of one guarded change (R6, R13, R26, R35): input → confirmation → completion.
 * A screen with two operations (注文照会: 訂正 and 取消) holds one of these for each.
 */
export function useGuarded<T extends Payload, C = undefined, R = unknown>(): Guarded<T, C, R> {
  const flow = useStepUpFlow<T>();
  const [step, setStep] = useState<GuardedStep<T, C, R>>({ step: "input" });
  const { begin, cancel } = flow;
  const confirm = useCallback(
    (payload: T, context: C) => {
      begin(payload);
      setStep({ step: "confirm", context });
    },
    [begin],
  );
  const toInput = useCallback(() => {
    cancel();
    setStep({ step: "input" });
  }, [cancel]);
  const complete = useCallback((result: R, payload: T, context: C) => {
    setStep({ step: "complete", result, payload, context });
  }, []);
  return useMemo(() => ({ step, flow, confirm, toInput, complete }), [step, flow, confirm, toInput, complete]);
}

export interface GuardedFlowProps<T extends Payload, C, R> {
  guarded: Guarded<T, C, R>;
  operation: StepUpOperation;
  /** The StepIndicator's labels when the flow is not 入力 → 確認 → 完了 (e.g. 訂正入力 → 確認 → 完了). */
  steps?: readonly string[];
  confirmation: {
    /** The step's h2, e.g. 注文内容の確認. */
    title: string;
    /** Above the confirmation: what happens (the confirmation adds what to enter and press). */
    instruction: string;
    /** After that, e.g. what the device will ask for a passkey registration. */
    instructionAfter?: string;
    /** What will be sent, shown beside the execution password. */
    summary: (payload: T, context: C) => ReactNode;
    /** e.g. 注文する, 変更する. */
    submitLabel: string;
  };
  /** The guarded call, e.g. a mutation's `mutateAsync` taking `{ body, idempotencyKey }`. */
  execute: (call: GuardedCall<T>) => Promise<R>;
  /**
   * A failure the screen answers itself (e.g. order_rejected → its input with the field
   * errors): update the input and return true; the flow goes back to it. Otherwise the
   * error shows on the confirmation, whose button retries the call.
   */
  onError?: (error: unknown, payload: T, context: C) => boolean;
  /** 戻る from the confirmation: e.g. refill the input with `payload`. The flow goes back to it. */
  onCancel?: (payload: T, context: C) => void;
  completion: {
    title: string | ((result: R, payload: T, context: C) => string);
    children: (result: R, payload: T, context: C) => ReactNode;
  };
  /** The input step (and whatever the screen shows before it). */
  children: ReactNode;
}

/**
 * A guarded change from the confirmation on: the final confirmation with the step-up (via
 * ConfirmStep), the call with exactly the confirmed body, then the completion; the screen
 * renders its input as `children` and calls `guarded.confirm(payload, context)` from it.
 */
export function GuardedFlow<T extends Payload, C, R>({
  guarded,
  operation,
  steps,
  confirmation,
  execute,
  onError,
  onCancel,
  completion,
  children,
}: GuardedFlowProps<T, C, R>) {
  const { step, flow, toInput } = guarded;
  const last = (steps ?? defaultSteps).length - 1;

  if (step.step === "complete") {
    const { result, payload, context } = step;
    const title = typeof completion.title === "string" ? completion.title : completion.title(result, payload, context);
    return (
      <div className="kk-stack">
        <StepIndicator current={last} steps={steps} />
        <ChangeComplete title={title}>{completion.children(result, payload, context)}</ChangeComplete>
      </div>
    );
  }

  const pending = flow.pending;
  if (step.step === "confirm" && pending) {
    const { context } = step;
    const payload = pending.payload;
    return (
      <ConfirmStep
        flow={flow}
        pending={pending}
        operation={operation}
        title={confirmation.title}
        instruction={confirmation.instruction}
        instructionAfter={confirmation.instructionAfter}
        summary={confirmation.summary(payload, context)}
        submitLabel={confirmation.submitLabel}
        steps={steps}
        current={last - 1}
        execute={execute}
        onDone={(result) => guarded.complete(result, payload, context)}
        onError={(error) => {
          if (!onError?.(error, payload, context)) return false;
          toInput();
          return true;
        }}
        onCancel={() => {
          onCancel?.(payload, context);
          toInput();
        }}
      />
    );
  }

  return children;
}

/** The input step as the guarded screens show it: the indicator, then a titled section. */
export function InputStep({
  title,
  autoFocus,
  steps,
  children,
}: {
  title: string;
  autoFocus?: boolean;
  steps?: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="kk-stack">
      <StepIndicator current={0} steps={steps} />
      <StepSection title={title} autoFocus={autoFocus}>
        {children}
      </StepSection>
    </div>
  );
}

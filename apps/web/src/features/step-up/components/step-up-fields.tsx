import type { StepUpChallenge, StepUpMethod } from "@kakunin/contracts/step-up";
import type { UseFormReturn } from "react-hook-form";
import type { StepUpAnswers, StepUpMethodUi } from "../methods/step-up-method-ui.ts";

export interface StepUpFieldsProps {
  methods: readonly StepUpMethodUi[];
  challenge: StepUpChallenge | null;
  form: UseFormReturn<StepUpAnswers, unknown, unknown>;
  spent: readonly StepUpMethod[];
  resending: boolean;
  onRenew: (method: StepUpMethodUi) => void;
  onCollect: (method: StepUpMethodUi) => void;
  collecting: boolean;
  actionRef: (method: StepUpMethod) => (element: HTMLButtonElement | null) => void;
}

/** One input per asked-for method, each rendered by its own module. */
export function StepUpFields({
  methods,
  challenge,
  form,
  spent,
  resending,
  onRenew,
  onCollect,
  collecting,
  actionRef,
}: StepUpFieldsProps) {
  const { errors } = form.formState;
  const answers = form.watch();
  return methods.map((method) => (
    <method.Field
      key={method.name}
      challenge={challenge}
      registration={form.register(method.field)}
      error={errors[method.field]?.message}
      spent={spent.includes(method.name)}
      onRenew={() => onRenew(method)}
      renewing={resending}
      actionRef={actionRef(method.name)}
      answer={answers[method.field]}
      onCollect={() => onCollect(method)}
      collecting={collecting}
    />
  ));
}

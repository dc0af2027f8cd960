import { type VerifyStepUpRequest, verifyStepUpRequestSchema } from "@kakunin/contracts/step-up";
import type { Resolver } from "react-hook-form";
import type { z } from "zod";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import type { StepUpAnswers, StepUpMethodUi } from "../methods/step-up-method-ui.ts";

/**
 * The contract's schema, with the answers this confirmation asks for made required: which
 * ones depends on the operation and the customer's settings, so the contract leaves all optional.
 */
function schemaFor(methods: readonly StepUpMethodUi[]): z.ZodType<VerifyStepUpRequest, VerifyStepUpRequest> {
  return verifyStepUpRequestSchema.extend(
    Object.fromEntries(methods.map((method) => [method.field, method.schema])),
  ) as unknown as z.ZodType<VerifyStepUpRequest, VerifyStepUpRequest>;
}

/** The request body: only the asked-for answers, an empty one as missing (→ 「…を入力してください。」). */
export function toVerifyRequest(values: StepUpAnswers, methods: readonly StepUpMethodUi[]): VerifyStepUpRequest {
  // Unchecked here: the resolver validates it with `schemaFor` before anything is sent.
  return Object.fromEntries(
    methods.map((method) => [method.field, method.toRequest(values[method.field])]),
  ) as VerifyStepUpRequest;
}

export type StepUpResolver = Resolver<StepUpAnswers, unknown, VerifyStepUpRequest>;

/** Validates what `methods` ask for; field names and paths are the same in both shapes. */
export function answersResolver(methods: readonly StepUpMethodUi[]): StepUpResolver {
  const resolve = zodResolver(schemaFor(methods));
  return (values, context, options) =>
    resolve(toVerifyRequest(values, methods), context, options as never) as ReturnType<StepUpResolver>;
}

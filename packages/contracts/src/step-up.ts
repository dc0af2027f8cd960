import { z } from "zod";
import { authCodeSchema } from "./auth-code.ts";
import { executionPasswordInputSchema } from "./credentials.ts";
import { operationDefinitions, type StepUpOperation, stepUpOperationSchema } from "./operations.ts";
import { authenticationResponseSchema, passkeyRequestOptionsSchema, passkeyStepUpCoreEntrySchema } from "./passkeys.ts";
import { type StepUpMethod, stepUpDemandSchema, stepUpMethodNames, stepUpMethodSchema } from "./step-up-demand.ts";

export {
  authCodeSchema,
  type StepUpMethod,
  type StepUpOperation,
  stepUpMethodNames,
  stepUpMethodSchema,
  stepUpOperationSchema,
};

/**
 * The guarded operations' label, grant and code setting, by name (R6, R13, R26, R35).
 * Kept under this name for existing callers; the definitions live in `./operations.ts`.
 */
export const stepUpOperations = operationDefinitions;

/**
 * The step-up methods: how a customer proves a confirmation. Each names the `field` the
 * confirmation screen sends, its `input` (browser → BFF), its `coreInput` when the BFF adds
 * to it before passing it to core (BFF → core; else the same as `input`), and what the
 * challenge tells the screen about it (`challenge`). The method enum, the verification
 * requests and the challenge derive from this table; adding a method starts here, with its
 * name in `./step-up-demand.ts` (the compiler holds the two together; docs/guarded-operations.md).
 * Core verifies them in its own order (its step-up engine).
 */
export const stepUpMethods = {
  execution_password: {
    field: "executionPassword",
    input: executionPasswordInputSchema,
    challenge: {},
  },
  passkey: {
    field: "passkey",
    /** The browser's assertion (AuthenticationResponseJSON) over the challenge below. */
    input: authenticationResponseSchema,
    /** The BFF adds the nonce it kept in the pending confirmation (issue 14, decision 012). */
    coreInput: passkeyStepUpCoreEntrySchema,
    challenge: {
      /**
       * The request options for the browser, their challenge derived from the operation
       * digest: the signature covers exactly what the customer confirmed. Null when not asked for.
       */
      passkeyOptions: passkeyRequestOptionsSchema.nullable(),
    },
  },
  auth_code: {
    field: "authCode",
    input: authCodeSchema,
    challenge: {
      /** Masked address the 認証コード went to, when one was sent. */
      codeSentTo: z.string().nullable(),
      /**
       * Issue 17 B1: the code sent earlier for this same confirmation is still valid and no new
       * one may be sent before `resendAt`; the screen says so instead of claiming a new code.
       */
      codeReused: z
        .object({ sentAt: z.iso.datetime({ offset: true }), resendAt: z.iso.datetime({ offset: true }) })
        .optional(),
    },
  },
} as const satisfies Record<
  StepUpMethod,
  { field: string; input: z.ZodType; coreInput?: z.ZodType; challenge: Record<string, z.ZodType> }
>;

type Methods = typeof stepUpMethods;

/** The confirmation screen's field per method, all optional: which are required depends on the customer. */
type VerifyFields = { [M in StepUpMethod as Methods[M]["field"]]: z.ZodOptional<Methods[M]["input"]> };
export const stepUpVerifyFields = Object.fromEntries(
  stepUpMethodNames.map((m) => [stepUpMethods[m].field, stepUpMethods[m].input.optional()]),
) as unknown as VerifyFields;

/** BFF → core: each method's `coreInput` (or `input`), all optional. */
type CoreInput<M extends StepUpMethod> = Methods[M] extends { coreInput: infer I extends z.ZodType }
  ? I
  : Methods[M]["input"];
type CoreVerifyFields = { [M in StepUpMethod as Methods[M]["field"]]: z.ZodOptional<CoreInput<M>> };
export const stepUpCoreVerifyFields = Object.fromEntries(
  stepUpMethodNames.map((m) => {
    const method: { input: z.ZodType; coreInput?: z.ZodType } = stepUpMethods[m];
    return [stepUpMethods[m].field, (method.coreInput ?? method.input).optional()];
  }),
) as unknown as CoreVerifyFields;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type ChallengeFields = UnionToIntersection<Methods[StepUpMethod]["challenge"]>;
const stepUpChallengeFields = Object.assign(
  {},
  ...stepUpMethodNames.map((m) => stepUpMethods[m].challenge),
) as ChallengeFields;

/** Sent with 403 `step_up_required`: what the SPA must collect before retrying (R35). */
export const stepUpRequirementSchema = stepUpDemandSchema.extend({ operation: stepUpOperationSchema });
export type StepUpRequirement = z.infer<typeof stepUpRequirementSchema>;

/** The digest-bound payload of an operation: exactly the fields shown on the confirmation screen. */
export const stepUpPayloadSchema = z.record(z.string(), z.unknown());

/** POST /api/step-up/challenges: start confirming an operation; sends the 認証コード when required. */
export const startStepUpRequestSchema = z.strictObject({
  operation: stepUpOperationSchema,
  payload: stepUpPayloadSchema.default({}),
});
export type StartStepUpRequest = z.input<typeof startStepUpRequestSchema>;

export const stepUpChallengeSchema = z.object({
  operation: stepUpOperationSchema,
  methods: z.array(stepUpMethodSchema),
  ...stepUpChallengeFields,
  /** When the pending confirmation (and its code) expires. */
  expiresAt: z.iso.datetime({ offset: true }),
});
export type StepUpChallenge = z.infer<typeof stepUpChallengeSchema>;

/** POST /api/step-up/verifications: the confirmation screen's fields. */
export const verifyStepUpRequestSchema = z.strictObject(stepUpVerifyFields);
export type VerifyStepUpRequest = z.infer<typeof verifyStepUpRequestSchema>;

/** The header every final, step-up-guarded request carries so a double submit executes once (R26). */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

import { z } from "zod";
import { executionPasswordInputSchema } from "./credentials.ts";
import type { OptionalMailType } from "./mail.ts";

/**
 * Step-up (R6, R13, R26, R35): the operations that need the 執行パスワード (and, when the
 * customer asks for it, an 認証コード) on a confirmation screen before they run.
 *
 * - `window` grants let the customer view for a while (R21: registered information);
 * - `once` grants are for exactly one execution of exactly what was confirmed (R26).
 */
export const stepUpOperations = {
  view_registered_info: { label: "登録情報の照会", grant: "window", codeSetting: "view_auth_code" },
  change_profile: { label: "口座情報の変更", grant: "once", codeSetting: null },
  change_email: { label: "メールアドレスの変更", grant: "once", codeSetting: null },
  change_mail_settings: { label: "メールサービス配信設定の変更", grant: "once", codeSetting: null },
  withdrawal: { label: "出金", grant: "once", codeSetting: "withdrawal_auth_code" },
  change_bank_account: { label: "出金先口座の変更", grant: "once", codeSetting: null },
  place_order: { label: "注文", grant: "once", codeSetting: null },
  modify_order: { label: "注文の訂正", grant: "once", codeSetting: null },
  cancel_order: { label: "注文の取消", grant: "once", codeSetting: null },
  apply_margin_account: { label: "信用取引口座開設の申込", grant: "once", codeSetting: null },
} as const satisfies Record<string, { label: string; grant: "window" | "once"; codeSetting: OptionalMailType | null }>;

export type StepUpOperation = keyof typeof stepUpOperations;
export const stepUpOperationSchema = z.enum(Object.keys(stepUpOperations) as [StepUpOperation, ...StepUpOperation[]]);

export const stepUpMethodSchema = z.enum(["execution_password", "auth_code"]);
export type StepUpMethod = z.infer<typeof stepUpMethodSchema>;

/** Sent with 403 `step_up_required`: what the SPA must collect before retrying (R35). */
export const stepUpRequirementSchema = z.object({
  operation: stepUpOperationSchema,
  methods: z.array(stepUpMethodSchema),
  /** How long a grant for this operation lasts once given. */
  maxAgeSeconds: z.number().int().positive(),
});
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
  /** Masked address the 認証コード went to, when one was sent. */
  codeSentTo: z.string().nullable(),
  /** When the pending confirmation (and its code) expires. */
  expiresAt: z.iso.datetime({ offset: true }),
});
export type StepUpChallenge = z.infer<typeof stepUpChallengeSchema>;

export const authCodeSchema = z
  .string({ error: "認証コードを入力してください。" })
  .trim()
  .regex(/^\d{6}$/, "認証コードは6桁の半角数字で入力してください。");

/** POST /api/step-up/verifications: the confirmation screen's fields. */
export const verifyStepUpRequestSchema = z.strictObject({
  executionPassword: executionPasswordInputSchema.optional(),
  authCode: authCodeSchema.optional(),
});
export type VerifyStepUpRequest = z.infer<typeof verifyStepUpRequestSchema>;

/** The header every final, step-up-guarded request carries so a double submit executes once (R26). */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

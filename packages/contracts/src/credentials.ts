import { checkComposition, type PasswordKind } from "@kakunin/password-policy/rules";
import { z } from "zod";
import { usableCharacters } from "./text.ts";

const label: Record<PasswordKind, string> = { login: "ログインパスワード", execution: "執行パスワード" };

/** Entering an existing password: only presence and an upper bound; the rules apply when setting one. */
export const executionPasswordInputSchema = z
  .string({ error: "執行パスワードを入力してください。" })
  .check(usableCharacters())
  .min(1, "執行パスワードを入力してください。")
  .max(20, "執行パスワードは20文字以内で入力してください。");

/**
 * One schema per change form: the SPA's resolver, the BFF's validator and (inside the
 * core request) core's validator. Context rules (birth date, history, common passwords…)
 * need customer data and are core's; here only what the form alone can know.
 */
function changePasswordSchema(kind: PasswordKind, labels: { current: string; next: string; confirm: string }) {
  return z
    .strictObject({
      currentPassword: z
        .string({ error: `${labels.current}を入力してください。` })
        .check(usableCharacters())
        .min(1, `${labels.current}を入力してください。`)
        .max(20, `${labels.current}は20文字以内で入力してください。`),
      newPassword: z
        .string({ error: `${labels.next}を入力してください。` })
        .check(usableCharacters())
        .min(1, `${labels.next}を入力してください。`),
      newPasswordConfirmation: z
        .string({ error: `${labels.confirm}を入力してください。` })
        .check(usableCharacters())
        .min(1, `${labels.confirm}を入力してください。`),
    })
    .superRefine((value, ctx) => {
      for (const violation of checkComposition(kind, value.newPassword)) {
        ctx.addIssue({
          code: "custom",
          path: ["newPassword"],
          message: violation.message,
          params: { reason: violation.code },
        });
      }
      if (value.newPasswordConfirmation && value.newPassword !== value.newPasswordConfirmation) {
        ctx.addIssue({
          code: "custom",
          path: ["newPasswordConfirmation"],
          message: `${labels.confirm}が${labels.next}と一致しません。`,
          params: { reason: "confirmation_mismatch" },
        });
      }
      if (value.newPassword && value.newPassword === value.currentPassword) {
        ctx.addIssue({
          code: "custom",
          path: ["newPassword"],
          message: `現在の${label[kind]}と同じパスワードは登録できません。`,
          params: { reason: "same_as_current" },
        });
      }
    });
}

/** 執行パスワード変更 (R10), labels as in the notice. */
export const changeExecutionPasswordRequestSchema = changePasswordSchema("execution", {
  current: "現在の執行パスワード",
  next: "新執行パスワード",
  confirm: "新執行パスワード（確認）",
});
export type ChangeExecutionPasswordRequest = z.infer<typeof changeExecutionPasswordRequestSchema>;

/** ログインパスワード変更. */
export const changeLoginPasswordRequestSchema = changePasswordSchema("login", {
  current: "現在のログインパスワード",
  next: "新しいログインパスワード",
  confirm: "新しいログインパスワード（確認）",
});
export type ChangeLoginPasswordRequest = z.infer<typeof changeLoginPasswordRequestSchema>;

export const schedulePhaseSchema = z.enum(["before_registration", "registration", "enforced"]);
export type SchedulePhase = z.infer<typeof schedulePhaseSchema>;

/** R11: when the execution password is introduced, as seen at `now` (core's clock). */
export const executionPasswordScheduleSchema = z.object({
  registrationFrom: z.iso.datetime({ offset: true }),
  enforcedFrom: z.iso.datetime({ offset: true }),
  now: z.iso.datetime({ offset: true }),
  phase: schedulePhaseSchema,
});
export type ExecutionPasswordSchedule = z.infer<typeof executionPasswordScheduleSchema>;

/** お客様サポートセンター (core's SUPPORT_PHONE and SUPPORT_HOURS): every lock screen names it (issue 17). */
export const supportContactSchema = z.object({ phone: z.string(), hours: z.string() });
export type SupportContact = z.infer<typeof supportContactSchema>;

/** R8's lock message with the number and hours to call, as core's refusals and the screens say it. */
export function accountLockedMessage(contact: SupportContact): string {
  return `執行パスワードの入力誤りが上限（9回）に達したため、アカウントをロックしました。ロックの解除をご希望の場合は、お客様サポートセンター（電話 ${contact.phone}、受付時間 ${contact.hours}）までお電話でご連絡ください。本人確認のうえ解除いたします。`;
}

export const credentialStatusSchema = z.object({
  executionPassword: z.object({
    /** True until the customer replaces the company-issued initial password (R9). */
    isInitial: z.boolean(),
    changedAt: z.iso.datetime({ offset: true }).nullable(),
    remainingAttempts: z.number().int().min(0),
    locked: z.boolean(),
  }),
  schedule: executionPasswordScheduleSchema,
  /** Whom a locked customer calls (shown with the lock on every screen that may be locked). */
  supportContact: supportContactSchema,
});
export type CredentialStatus = z.infer<typeof credentialStatusSchema>;

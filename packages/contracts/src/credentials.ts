import { checkComposition, type PasswordKind } from "@kakunin/password-policy/rules";
import { z } from "zod";
import { messageRef } from "./message-ref.ts";
import { usableCharacters } from "./text.ts";

const kindField: Record<PasswordKind, string> = {
  login: "fields.loginPassword",
  execution: "fields.executionPassword",
};

/** A password field: required, usable characters only, and at most `max` characters when given. */
function passwordInput(field: string, max?: number) {
  const required = messageRef("validation.required", { field });
  const entered = z.string({ error: required }).check(usableCharacters()).min(1, required);
  return max === undefined ? entered : entered.max(max, messageRef("validation.maxLength", { field, max }));
}

/** Entering an existing password: only presence and an upper bound; the rules apply when setting one. */
export const executionPasswordInputSchema = passwordInput("fields.executionPassword", 20);

/** The field names (message ids) of a change form, as the notice labels them. */
interface ChangeFields {
  current: string;
  next: string;
  confirm: string;
}

/**
 * One schema per change form: the SPA's resolver, the BFF's validator and (inside the
 * core request) core's validator. Context rules (birth date, history, common passwords…)
 * need customer data and are core's; here only what the form alone can know.
 */
function changePasswordSchema(kind: PasswordKind, fields: ChangeFields) {
  return z
    .strictObject({
      currentPassword: passwordInput(fields.current, 20),
      newPassword: passwordInput(fields.next),
      newPasswordConfirmation: passwordInput(fields.confirm),
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
          message: messageRef("validation.password.confirmationMismatch", {
            fieldConfirmation: fields.confirm,
            fieldNew: fields.next,
          }),
          params: { reason: "confirmation_mismatch" },
        });
      }
      if (value.newPassword && value.newPassword === value.currentPassword) {
        ctx.addIssue({
          code: "custom",
          path: ["newPassword"],
          message: messageRef("validation.password.sameAsCurrent", { field: kindField[kind] }),
          params: { reason: "same_as_current" },
        });
      }
    });
}

/** 執行パスワード変更 (R10), labels as in the notice. */
export const changeExecutionPasswordRequestSchema = changePasswordSchema("execution", {
  current: "fields.currentExecutionPassword",
  next: "fields.newExecutionPassword",
  confirm: "fields.newExecutionPasswordConfirmation",
});
export type ChangeExecutionPasswordRequest = z.infer<typeof changeExecutionPasswordRequestSchema>;

/** ログインパスワード変更. */
export const changeLoginPasswordRequestSchema = changePasswordSchema("login", {
  current: "fields.currentLoginPassword",
  next: "fields.newLoginPassword",
  confirm: "fields.newLoginPasswordConfirmation",
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

/**
 * R8's lock message with the number and hours to call, as core's refusals and the screens say
 * it: a message id with values (message-ref.ts), worded in the reader's language by
 * `contractsTranslator.ref` (core) or `tRef` (the SPA).
 */
export function accountLockedMessage(contact: SupportContact): string {
  return messageRef("errors.accountLockedWithContact", { phone: contact.phone, hours: contact.hours });
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

import { checkComposition } from "@kakunin/password-policy/rules";
import { z } from "zod";
import { customerCodeSchema } from "./auth.ts";
import { authCodeSchema } from "./auth-code.ts";
import type { RouteDescriptor } from "./core-api.ts";
import { clientContextSchema } from "./core-api-customer.ts";
import { messageRef } from "./message-ref.ts";
import { usableCharacters } from "./text.ts";

/**
 * ログインパスワードの再設定 (issue 15 part 7, decision 015): お客様コード + 生年月日, then an
 * 認証コード mailed to the registered address, then a new ログインパスワード (R3). The BFF
 * answers the start the same way whether or not the customer exists, so nothing here names
 * the destination: a masked address shown only on a match would tell a birth date apart.
 */

const birthDateFormat = "validation.birthDate.format";
const birthDateRequired = messageRef("validation.required", { field: "fields.birthDate" });

/** A calendar date that exists (no 2月30日). */
const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

/** 生年月日 typed as YYYY-MM-DD (one string schema, so every character it accepts is a digit or a hyphen). */
export const birthDateInputSchema = z
  .string({ error: birthDateRequired })
  .trim()
  .min(1, birthDateRequired)
  .regex(/^\d{4}-\d{2}-\d{2}$/, birthDateFormat)
  .refine(isCalendarDate, birthDateFormat);

/** Browser → BFF: step 1. */
export const startPasswordResetRequestSchema = z.strictObject({
  customerCode: customerCodeSchema,
  birthDate: birthDateInputSchema,
});
export type StartPasswordResetRequest = z.infer<typeof startPasswordResetRequestSchema>;

/**
 * BFF → browser: step 1's only answer, whatever was typed (no enumeration). Not even the
 * code's expiry: a resend within the limits answers the earlier code's, which would tell.
 */
export const passwordResetStartedSchema = z.object({
  accepted: z.literal(true),
  /** How long a mailed code stays valid (R13: 10 minutes). */
  codeValidMinutes: z.number().int().positive(),
});
export type PasswordResetStarted = z.infer<typeof passwordResetStartedSchema>;

const newPasswordRequired = messageRef("validation.required", { field: "fields.newLoginPassword" });
const confirmationRequired = messageRef("validation.required", { field: "fields.newLoginPasswordConfirmation" });

const newLoginPasswordSchema = z
  .string({ error: newPasswordRequired })
  .check(usableCharacters())
  .min(1, newPasswordRequired);

/** The composition rules (R3) the form alone can check, with the change form's wording. */
function addCompositionIssues(newPassword: string, ctx: z.RefinementCtx) {
  for (const violation of checkComposition("login", newPassword)) {
    ctx.addIssue({
      code: "custom",
      path: ["newPassword"],
      message: violation.message,
      params: { reason: violation.code },
    });
  }
}

/** Browser → BFF (and inside the core request): step 3. Context rules (birth date, history…) are core's. */
export const completePasswordResetRequestSchema = z
  .strictObject({ code: authCodeSchema, newPassword: newLoginPasswordSchema })
  .superRefine((value, ctx) => addCompositionIssues(value.newPassword, ctx));
export type CompletePasswordResetRequest = z.infer<typeof completePasswordResetRequestSchema>;

/** The SPA's step 3 form: the request plus the confirmation, checked in the browser only. */
export const passwordResetFormSchema = z
  .strictObject({
    code: authCodeSchema,
    newPassword: newLoginPasswordSchema,
    newPasswordConfirmation: z
      .string({ error: confirmationRequired })
      .check(usableCharacters())
      .min(1, confirmationRequired),
  })
  .superRefine((value, ctx) => {
    addCompositionIssues(value.newPassword, ctx);
    if (value.newPasswordConfirmation && value.newPassword !== value.newPasswordConfirmation) {
      ctx.addIssue({
        code: "custom",
        path: ["newPasswordConfirmation"],
        message: messageRef("validation.password.confirmationMismatch", {
          fieldConfirmation: "fields.newLoginPasswordConfirmation",
          fieldNew: "fields.newLoginPassword",
        }),
        params: { reason: "confirmation_mismatch" },
      });
    }
  });
export type PasswordResetForm = z.infer<typeof passwordResetFormSchema>;

/** BFF → browser: done; the customer logs in with the new password (no session is started). */
export const passwordResetCompletedSchema = z.object({ changedAt: z.iso.datetime({ offset: true }) });
export type PasswordResetCompleted = z.infer<typeof passwordResetCompletedSchema>;

/** BFF → core: start. */
export const startPasswordResetCoreRequestSchema = z.strictObject({
  customerCode: customerCodeSchema,
  birthDate: birthDateInputSchema,
  client: clientContextSchema,
});

/**
 * Core → BFF: `reset` is null when the code and birth date do not name a customer (or none
 * may reset now); the BFF hides the difference from the browser and counts it like a wrong
 * login password. `reset.id` names the mailed code; the BFF keeps it in a sealed cookie.
 */
export const startPasswordResetCoreResponseSchema = z.object({
  reset: z.object({ id: z.uuid(), expiresAt: z.iso.datetime({ offset: true }) }).nullable(),
});

/** BFF → core: completion, with the reset the browser's cookie names. */
export const completePasswordResetCoreRequestSchema = z.strictObject({
  resetId: z.uuid(),
  request: completePasswordResetRequestSchema,
  client: clientContextSchema,
});
/** Core → BFF: the customer whose sessions the BFF now ends. */
export const completePasswordResetCoreResponseSchema = z.object({
  customerId: z.uuid(),
  changedAt: z.iso.datetime({ offset: true }),
});

export const passwordResetCoreRoutes = {
  startPasswordReset: {
    method: "post",
    path: "/v1/password-resets",
    summary: "ログインパスワード再設定: check お客様コード + 生年月日 and mail an 認証コード; audited",
    body: startPasswordResetCoreRequestSchema,
    response: startPasswordResetCoreResponseSchema,
  },
  completePasswordReset: {
    method: "post",
    path: "/v1/password-resets/completion",
    summary: "ログインパスワード再設定: verify the 認証コード (5 entries) and set the new password (R3); mailed",
    body: completePasswordResetCoreRequestSchema,
    response: completePasswordResetCoreResponseSchema,
    errors: [403, 422],
  },
} as const satisfies Record<string, RouteDescriptor>;

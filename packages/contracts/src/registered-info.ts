import { z } from "zod";
import { emailAddressSchema } from "./mail.ts";
import { messageRef } from "./message-ref.ts";
import { singleLineText } from "./text.ts";

/** 口座情報照会／変更 (R20). Bank account numbers leave core masked. */
export const profileSchema = z.object({
  customerCode: z.string(),
  name: z.string(),
  nameKana: z.string(),
  birthDate: z.iso.date(),
  postalCode: z.string(),
  address: z.string(),
  phone: z.string(),
  bankAccount: z
    .object({
      bankName: z.string(),
      branchName: z.string(),
      accountType: z.enum(["普通", "当座"]),
      accountNumberMasked: z.string(),
      holderKana: z.string(),
    })
    .nullable(),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * The answer to 口座情報変更: the profile as it now is and, when something changed, where the
 * 口座情報変更完了通知メール went (masked; null when set to 配信不要). Issue 17 B7.
 */
export const profileChangeReceiptSchema = profileSchema.extend({
  notificationSentTo: z.string().nullable().optional(),
});
export type ProfileChangeReceipt = z.infer<typeof profileChangeReceiptSchema>;

/** The editable part of 口座情報: the same schema validates the form, the BFF and core. */
export const profileChangeSchema = z.strictObject({
  postalCode: z
    .string({ error: messageRef("validation.required", { field: "fields.postalCode" }) })
    .trim()
    .regex(/^\d{3}-?\d{4}$/, "validation.postalCode.format")
    .transform((v) => (v.includes("-") ? v : `${v.slice(0, 3)}-${v.slice(3)}`)),
  address: singleLineText("fields.address", 120),
  phone: z
    .string({ error: messageRef("validation.required", { field: "fields.phone" }) })
    .trim()
    .regex(/^0\d{1,4}-?\d{1,4}-?\d{3,4}$/, "validation.phone.format")
    .refine((v) => v.replace(/-/g, "").length >= 10 && v.replace(/-/g, "").length <= 11, "validation.phone.digits"),
});
export type ProfileChange = z.output<typeof profileChangeSchema>;
export type ProfileChangeInput = z.input<typeof profileChangeSchema>;

/** 口座開設状況照会 (R20). */
export const accountKindSchema = z.enum(["総合口座", "特定口座", "NISA口座", "信用取引口座"]);
export const accountStatusSchema = z.enum(["開設済", "審査中", "未開設"]);
export const accountOpeningSchema = z.object({
  kind: accountKindSchema,
  status: accountStatusSchema,
  appliedOn: z.iso.date().nullable(),
  openedOn: z.iso.date().nullable(),
});
export const accountOpeningListSchema = z.object({ accounts: z.array(accountOpeningSchema) });
export type AccountOpening = z.infer<typeof accountOpeningSchema>;

/** メールアドレス登録 (R20): up to 2 addresses. */
export const registeredEmailsSchema = z.object({
  addresses: z.array(z.object({ position: z.union([z.literal(1), z.literal(2)]), address: z.string() })).max(2),
});
export type RegisteredEmails = z.infer<typeof registeredEmailsSchema>;

export const emailChangeSchema = z.strictObject({
  position: z.union([z.literal(1), z.literal(2)], { error: "validation.emailChange.position" }),
  address: emailAddressSchema,
});
export type EmailChange = z.infer<typeof emailChangeSchema>;

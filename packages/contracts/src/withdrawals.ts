import { z } from "zod";
import { messageRef } from "./message-ref.ts";
import { nextCursorSchema } from "./pagination.ts";
import { singleLineText } from "./text.ts";

/** 出金 (R12): the amount input. One schema for the form, the BFF and core. */
export const MAX_WITHDRAWAL_YEN = 10_000_000_000;

export const withdrawalRequestSchema = z.strictObject({
  amount: z.coerce
    .number({ error: "validation.withdrawalAmount.number" })
    .int("validation.withdrawalAmount.integer")
    .positive("validation.withdrawalAmount.positive")
    .max(MAX_WITHDRAWAL_YEN, "validation.withdrawalAmount.tooLarge"),
  /** The registered destination the customer saw on the screen; a code is bound to it (R13). */
  bankAccountId: z.uuid(),
});
export type WithdrawalRequest = z.output<typeof withdrawalRequestSchema>;
export type WithdrawalRequestInput = z.input<typeof withdrawalRequestSchema>;

export const bankAccountViewSchema = z.object({
  id: z.uuid(),
  bankName: z.string(),
  branchName: z.string(),
  accountType: z.enum(["普通", "当座"]),
  accountNumberMasked: z.string(),
  holderKana: z.string(),
});
export type BankAccountView = z.infer<typeof bankAccountViewSchema>;

export const bankAccountChangeStatusSchema = z.enum(["申請中", "承認済", "却下"]);

export const bankAccountChangeViewSchema = z.object({
  id: z.uuid(),
  status: bankAccountChangeStatusSchema,
  requestedAt: z.iso.datetime({ offset: true }),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  bankName: z.string(),
  branchName: z.string(),
  accountType: z.enum(["普通", "当座"]),
  accountNumberMasked: z.string(),
  holderKana: z.string(),
});
export type BankAccountChangeView = z.infer<typeof bankAccountChangeViewSchema>;

/** 出金可能額, the registered destination (masked) and any pending destination change. */
export const withdrawalOverviewSchema = z.object({
  withdrawable: z.number().int().min(0),
  bankAccount: bankAccountViewSchema.nullable(),
  pendingBankAccountChange: bankAccountChangeViewSchema.nullable(),
});
export type WithdrawalOverview = z.infer<typeof withdrawalOverviewSchema>;

export const withdrawalStatusSchema = z.enum(["受付済", "処理中", "完了", "取消"]);

export const withdrawalSchema = z.object({
  requestNumber: z.string(),
  amount: z.number().int(),
  bankName: z.string(),
  branchName: z.string(),
  accountType: z.enum(["普通", "当座"]),
  accountNumberMasked: z.string(),
  status: withdrawalStatusSchema,
  requestedAt: z.iso.datetime({ offset: true }),
});
export type Withdrawal = z.infer<typeof withdrawalSchema>;

/**
 * The answer to 出金申込: the withdrawal and, when it was just accepted, where its
 * 出金申込完了通知メール went (masked; null when the customer set it to 配信不要). Absent
 * on a replay of the same request. Issue 17 B7: the completion says what happened, not
 * 「配信中に設定されている場合は…」.
 */
export const withdrawalReceiptSchema = withdrawalSchema.extend({
  notificationSentTo: z.string().nullable().optional(),
});
export type WithdrawalReceipt = z.infer<typeof withdrawalReceiptSchema>;
/** 出金申込履歴, one page (issue 16): `nextCursor` fetches the next, null on the last. */
export const withdrawalListSchema = z.object({ withdrawals: z.array(withdrawalSchema), nextCursor: nextCursorSchema });

/** 出金先口座変更 (R14): applied only when an operator approves it. */
export const bankAccountChangeSchema = z.strictObject({
  bankName: singleLineText("fields.bankName", 30),
  branchName: singleLineText("fields.branchName", 30),
  accountType: z.enum(["普通", "当座"], { error: messageRef("validation.select", { field: "fields.accountType" }) }),
  accountNumber: z
    .string({ error: messageRef("validation.required", { field: "fields.accountNumber" }) })
    .trim()
    .regex(/^\d{7}$/, "validation.accountNumber.format"),
  holderKana: singleLineText("fields.holderKana", 40).regex(/^[ァ-ヶー　 ]+$/, "validation.holderKana.format"),
});
export type BankAccountChange = z.infer<typeof bankAccountChangeSchema>;

/**
 * Core's answer to the check of a 出金先口座変更 before its confirmation (R39): the change may
 * be confirmed. A refusal is a `validation_failed` with the field's reason.
 */
export const bankAccountChangeCheckSchema = z.object({ ok: z.literal(true) });

import { operationDigest } from "@kakunin/contracts/digest";
import { toFieldErrorRefs } from "@kakunin/contracts/error-body";
import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { withdrawalRequestSchema } from "@kakunin/contracts/withdrawals";
import type { Tx } from "../db/client.ts";
import { AppError } from "../lib/errors.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { readMailSettings } from "../mail/settings.ts";
import { activeBankAccount } from "./bank-accounts.ts";

export interface CodeMailContext {
  customerId: string;
  customerName: string;
  operation: StepUpOperation;
  digest: string;
  /** The confirmed payload as the BFF sent it; an operation that quotes it checks it against `digest`. */
  payload: Record<string, unknown> | undefined;
}

/** Enqueues the code mail (with the code row, in the same transaction); answers the recipients. */
export type CodeMailer = (code: string, expiresAt: Date) => Promise<string[]>;

/**
 * Prepares an operation's 認証コード mail before the code is made: checks what the mail will
 * quote, and may refuse (e.g. the destination changed). Runs inside the issuing transaction.
 */
export type CodeMailFor = (tx: Tx, ctx: CodeMailContext) => Promise<CodeMailer>;

const payloadError = (message: string) =>
  new AppError("validation_failed", 400, { fields: [{ path: "payload", message }] });

/**
 * A withdrawal's code mail states the amount and the (masked) destination (R13), taken from
 * the payload, which must hash to the digest the code is bound to, so the mail describes
 * exactly what the code will confirm, and must name the customer's current 出金先口座.
 */
const withdrawalCodeMail: CodeMailFor = async (tx, ctx) => {
  if (ctx.payload === undefined) throw payloadError("server.validation.withdrawalPayloadMissing");
  if (operationDigest(ctx.operation, ctx.payload) !== ctx.digest) {
    throw payloadError("server.validation.withdrawalPayloadMismatch");
  }
  const parsed = withdrawalRequestSchema.safeParse(ctx.payload);
  if (!parsed.success) {
    throw new AppError("validation_failed", 400, {
      // Message ids: core's error handler words them in the reader's language.
      fields: toFieldErrorRefs(parsed.error.issues).map((f) => ({ ...f, path: `payload.${f.path}` })),
    });
  }
  const withdrawal = parsed.data;
  const account = await activeBankAccount(tx, ctx.customerId);
  if (!account || account.id !== withdrawal.bankAccountId) throw new AppError("bank_account_changed", 409);
  // Issue 15: a code required by the cooling period with the mail turned off still goes out,
  // to the address mandatory mail goes to.
  const { addresses, settings } = await readMailSettings(tx, ctx.customerId);
  const off = !settings.find((s) => s.type === "withdrawal_auth_code")?.enabled;
  const first = addresses.find((a) => a.position === 1) ?? addresses[0];
  return (code, expiresAt) =>
    enqueueMail(tx, {
      customerId: ctx.customerId,
      type: "withdrawal_auth_code",
      ...(off && first ? { to: [first.address] } : {}),
      data: {
        customerName: ctx.customerName,
        code,
        expiresAt,
        amount: withdrawal.amount,
        bank: account,
        accountNumber: account.accountNumber,
      },
    });
};

/** Any other operation's code mail names the operation (「対象: 登録情報の照会」). */
const labelledCodeMail: CodeMailFor = async (tx, ctx) => (code, expiresAt) =>
  enqueueMail(tx, {
    customerId: ctx.customerId,
    type: "view_auth_code",
    data: { customerName: ctx.customerName, code, expiresAt, operation: ctx.operation },
  });

/**
 * A passkey's registration or deletion (issue 14): the code goes out whatever the customer's
 * mail settings (`codeSetting: "always"`), to the address mandatory mail goes to (the first
 * registered one), and names the operation so a customer who did not start it is warned.
 */
const passkeyCodeMail: CodeMailFor = async (tx, ctx) => {
  const { addresses } = await readMailSettings(tx, ctx.customerId);
  const first = addresses.find((a) => a.position === 1) ?? addresses[0];
  return (code, expiresAt) =>
    enqueueMail(tx, {
      customerId: ctx.customerId,
      type: "view_auth_code",
      to: first ? [first.address] : [],
      data: {
        customerName: ctx.customerName,
        code,
        expiresAt,
        operation: ctx.operation,
        passkey: true,
      },
    });
};

/**
 * The 認証コード mail per guarded operation, for operations whose mail says more than the
 * operation's name. An operation with a code setting and no entry here gets `labelledCodeMail`.
 */
export const operationCodeMails: Partial<Record<StepUpOperation, CodeMailFor>> = {
  withdrawal: withdrawalCodeMail,
  register_passkey: passkeyCodeMail,
  delete_passkey: passkeyCodeMail,
};

export const codeMailFor = (operation: StepUpOperation): CodeMailFor =>
  operationCodeMails[operation] ?? labelledCodeMail;

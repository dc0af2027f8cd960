import type { ClientContext } from "@kakunin/contracts/core-api";
import type { BankAccountChange, BankAccountChangeView, BankAccountView } from "@kakunin/contracts/withdrawals";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { bankAccountChanges, bankAccounts, customers } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { maskAccountNumber } from "../mail/format.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { recordAudit } from "./audit.ts";
import { refuseDuringCooling } from "./cooling-period.ts";
import { isOwnName, notOwnNameMessage } from "./holder-name.ts";
import { refuseIfStopped } from "./trading-stop.ts";

interface Actor {
  customerId: string;
  client: ClientContext;
  requestId?: string | undefined;
}

type BankAccountRow = typeof bankAccounts.$inferSelect;
type BankAccountChangeRow = typeof bankAccountChanges.$inferSelect;
type AccountFields = Pick<BankAccountRow, "bankName" | "branchName" | "accountType" | "accountNumber" | "holderKana">;

/** "三井住友銀行 渋谷支店 普通": how mails name a destination (the number follows, masked). */
export const describeBank = (a: Pick<AccountFields, "bankName" | "branchName" | "accountType">) =>
  `${a.bankName} ${a.branchName} ${a.accountType}`;

const sameAccount = (a: AccountFields, b: AccountFields) =>
  a.bankName === b.bankName &&
  a.branchName === b.branchName &&
  a.accountType === b.accountType &&
  a.accountNumber === b.accountNumber &&
  a.holderKana === b.holderKana;

/** For the audit trail: what the account is, with the number masked. */
const auditAccount = (a: AccountFields) => ({
  bank: describeBank(a),
  accountNumber: maskAccountNumber(a.accountNumber),
});

/**
 * The customer's current 出金先口座 (the active row), or undefined. `share` locks it until
 * the transaction ends, so an operator's approval cannot retire it under a withdrawal.
 */
export async function activeBankAccount(
  db: Db | Tx,
  customerId: string,
  lock?: "share" | "update",
): Promise<BankAccountRow | undefined> {
  const query = db
    .select()
    .from(bankAccounts)
    .where(and(eq(bankAccounts.customerId, customerId), isNull(bankAccounts.retiredAt)));
  const [row] = lock ? await query.for(lock) : await query;
  return row;
}

export function toBankAccountView(row: BankAccountRow): BankAccountView {
  return {
    id: row.id,
    bankName: row.bankName,
    branchName: row.branchName,
    accountType: row.accountType,
    accountNumberMasked: maskAccountNumber(row.accountNumber),
    holderKana: row.holderKana,
  };
}

export function toBankAccountChangeView(row: BankAccountChangeRow): BankAccountChangeView {
  return {
    id: row.id,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    bankName: row.bankName,
    branchName: row.branchName,
    accountType: row.accountType,
    accountNumberMasked: maskAccountNumber(row.accountNumber),
    holderKana: row.holderKana,
  };
}

/** The customer's 申請中 destination change (at most one), or undefined. */
export async function pendingBankAccountChange(
  db: Db | Tx,
  customerId: string,
  lock = false,
): Promise<BankAccountChangeRow | undefined> {
  const query = db
    .select()
    .from(bankAccountChanges)
    .where(and(eq(bankAccountChanges.customerId, customerId), eq(bankAccountChanges.status, "申請中")))
    .orderBy(desc(bankAccountChanges.requestedAt))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** The customer's row, locked until the transaction ends: one change per customer at a time. */
export async function lockCustomer(tx: Tx, customerId: string) {
  const [row] = await tx
    .select({ name: customers.name, nameKana: customers.nameKana })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for("update");
  if (!row) throw new AppError("not_found", 404);
  return row;
}

/**
 * 本人名義 (R39): the refusal, on the 口座名義 field, of an account not in the customer's
 * registered kana name, audited; undefined when the name is the customer's. Changes nothing
 * else, so the BFF can ask before the confirmation (`checkBankAccountChange`) and the
 * request repeats it as the authority.
 */
async function otherHolderRefusal(
  db: Db | Tx,
  actor: Actor & { change: BankAccountChange },
  nameKana: string,
): Promise<AppError | undefined> {
  if (isOwnName(actor.change.holderKana, nameKana)) return undefined;
  await recordAudit(db, {
    eventType: "bank_account_change_request",
    outcome: "failure",
    customerId: actor.customerId,
    client: actor.client,
    requestId: actor.requestId,
    detail: { ...auditAccount(actor.change), reason: "holder_name_mismatch" },
  });
  return new AppError("validation_failed", 400, {
    fields: [{ path: "holderKana", message: notOwnNameMessage(nameKana) }],
  });
}

/** The pre-check of a destination change before its confirmation (R39): nothing is stored. */
export async function checkBankAccountChange(db: Db, actor: Actor & { change: BankAccountChange }): Promise<void> {
  const [customer] = await db
    .select({ nameKana: customers.nameKana })
    .from(customers)
    .where(eq(customers.id, actor.customerId));
  if (!customer) throw new AppError("not_found", 404);
  const refusal = await otherHolderRefusal(db, actor, customer.nameKana);
  if (refusal) throw refusal;
}

/**
 * 出金先口座変更の申請 (R14): stored 申請中 until an operator approves or rejects it. A customer
 * has at most one pending request: a new one replaces it (the old one is marked 却下, decided
 * by "customer"), so the customer can correct a typo without calling. Submitting the pending
 * request again changes nothing; asking for the current account is refused.
 */
export async function requestBankAccountChange(
  db: Db,
  services: CoreServices,
  actor: Actor & { change: BankAccountChange },
): Promise<{ change: BankAccountChangeView; created: boolean }> {
  await refuseIfStopped(db, services, { ...actor, action: "change_bank_account" });
  await refuseDuringCooling(db, services, { ...actor, action: "change_bank_account" });
  const result = await db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, actor.customerId);
    // The refusal's audit must outlive the refusal: the transaction commits it (nothing else
    // is written by then) and the error is thrown after.
    const refusal = await otherHolderRefusal(tx, actor, customer.nameKana);
    if (refusal) return refusal;
    const audit = (outcome: "success" | "noop", detail: Record<string, unknown>) =>
      recordAudit(tx, {
        eventType: "bank_account_change_request",
        outcome,
        customerId: actor.customerId,
        client: actor.client,
        requestId: actor.requestId,
        detail: { ...auditAccount(actor.change), ...detail },
      });
    const current = await activeBankAccount(tx, actor.customerId);
    if (current && sameAccount(current, actor.change)) {
      throw new AppError("validation_failed", 400, {
        fields: [{ path: "accountNumber", message: "server.bankAccount.sameAsRegistered" }],
      });
    }
    const pending = await pendingBankAccountChange(tx, actor.customerId, true);
    if (pending && sameAccount(pending, actor.change)) {
      await audit("noop", { changeId: pending.id });
      return { change: toBankAccountChangeView(pending), created: false };
    }
    const now = services.clock.now(actor.customerId);
    if (pending) {
      await tx
        .update(bankAccountChanges)
        .set({ status: "却下", decidedAt: now, decidedBy: "customer" })
        .where(eq(bankAccountChanges.id, pending.id));
    }
    const [row] = await tx
      .insert(bankAccountChanges)
      .values({ customerId: actor.customerId, ...actor.change, requestedAt: now })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await audit("success", { changeId: row.id, ...(pending ? { replaced: pending.id } : {}) });
    // Always mailed (R38): the change is applied later, by the operator, and mailed again then.
    await enqueueMail(tx, {
      customerId: actor.customerId,
      type: "withdrawal_account_change_requested",
      data: {
        customerName: customer.name,
        at: now,
        bank: actor.change,
        accountNumber: actor.change.accountNumber,
        origin: actor.client,
      },
    });
    return { change: toBankAccountChangeView(row), created: true };
  });
  if (result instanceof AppError) throw result;
  return result;
}

/**
 * An operator's decision on the customer's pending destination change (R14).
 *
 * Approval retires the current account row and inserts the new one (a new `id`), so a
 * withdrawal or 認証コード confirmed for the old destination is refused with
 * `bank_account_changed`; accepted withdrawals keep the destination they copied. The
 * 出金先口座変更通知 is always mailed (mandatory), in the same transaction. Rejection mails nothing.
 */
export async function decideBankAccountChange(
  db: Db,
  services: CoreServices,
  input: {
    customerId: string;
    decision: "approve" | "reject";
    operator: string;
    note?: string | undefined;
    client: ClientContext;
  },
): Promise<BankAccountChangeView> {
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    const pending = await pendingBankAccountChange(tx, input.customerId, true);
    if (!pending) throw new AppError("no_pending_request", 404);
    const now = services.clock.now(input.customerId);
    const detail: Record<string, unknown> = {
      operator: input.operator,
      ...(input.note ? { note: input.note } : {}),
      changeId: pending.id,
      ...auditAccount(pending),
    };

    if (input.decision === "approve") {
      const previous = await activeBankAccount(tx, input.customerId, "update");
      if (previous) {
        await tx.update(bankAccounts).set({ retiredAt: now }).where(eq(bankAccounts.id, previous.id));
      }
      const [account] = await tx
        .insert(bankAccounts)
        .values({
          customerId: input.customerId,
          bankName: pending.bankName,
          branchName: pending.branchName,
          accountType: pending.accountType,
          accountNumber: pending.accountNumber,
          holderKana: pending.holderKana,
          createdAt: now,
        })
        .returning({ id: bankAccounts.id });
      if (!account) throw new Error("insert returned no row");
      detail.bankAccountId = account.id;
      detail.previousBankAccountId = previous?.id ?? null;
      await enqueueMail(tx, {
        customerId: input.customerId,
        type: "withdrawal_account_changed",
        data: {
          customerName: customer.name,
          at: now,
          requestedAt: pending.requestedAt,
          bank: pending,
          accountNumber: pending.accountNumber,
        },
      });
    }

    const [decided] = await tx
      .update(bankAccountChanges)
      .set({ status: input.decision === "approve" ? "承認済" : "却下", decidedAt: now, decidedBy: input.operator })
      .where(eq(bankAccountChanges.id, pending.id))
      .returning();
    if (!decided) throw new Error("update returned no row");
    await recordAudit(tx, {
      eventType: input.decision === "approve" ? "bank_account_change_approve" : "bank_account_change_reject",
      outcome: "success",
      customerId: input.customerId,
      subject: input.operator,
      client: input.client,
      detail,
    });
    return toBankAccountChangeView(decided);
  });
}

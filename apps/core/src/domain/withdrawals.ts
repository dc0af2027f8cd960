import type { ClientContext } from "@kakunin/contracts/core-api";
import { messageRef } from "@kakunin/contracts/message-ref";
import { cursorKeys, PAGE_SIZES } from "@kakunin/contracts/pagination";
import type {
  Withdrawal,
  WithdrawalOverview,
  WithdrawalReceipt,
  WithdrawalRequest,
} from "@kakunin/contracts/withdrawals";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { cashBalances, customers, withdrawals } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { maskAccountNumber, maskEmail } from "../mail/format.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { recordAudit } from "./audit.ts";
import {
  activeBankAccount,
  describeBank,
  pendingBankAccountChange,
  toBankAccountChangeView,
  toBankAccountView,
} from "./bank-accounts.ts";
import { afterPosition, microsOf, positionOf, toPage } from "./pagination.ts";
import { claimRequestKey } from "./request-keys.ts";
import { refuseIfStopped } from "./trading-stop.ts";

interface Actor {
  customerId: string;
  client: ClientContext;
  requestId?: string | undefined;
}

type WithdrawalRow = typeof withdrawals.$inferSelect;

function toWithdrawal(row: WithdrawalRow): Withdrawal {
  return {
    requestNumber: row.requestNumber,
    amount: row.amount,
    bankName: row.bankName,
    branchName: row.branchName,
    accountType: row.accountType,
    accountNumberMasked: maskAccountNumber(row.accountNumber),
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
  };
}

async function requireCustomer(db: Db | Tx, customerId: string) {
  const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  return row;
}

/** 出金可能額 (R12); a customer without a balance row has nothing to withdraw. */
export async function withdrawableOf(db: Db | Tx, customerId: string): Promise<number> {
  const [row] = await db
    .select({ withdrawable: cashBalances.withdrawable })
    .from(cashBalances)
    .where(eq(cashBalances.customerId, customerId));
  return row?.withdrawable ?? 0;
}

/** The 出金 input screen: 出金可能額, the destination (masked) and any pending destination change. */
export async function withdrawalOverview(db: Db, customerId: string): Promise<WithdrawalOverview> {
  await requireCustomer(db, customerId);
  const [withdrawable, account, pending] = await Promise.all([
    withdrawableOf(db, customerId),
    activeBankAccount(db, customerId),
    pendingBankAccountChange(db, customerId),
  ]);
  return {
    withdrawable,
    bankAccount: account ? toBankAccountView(account) : null,
    pendingBankAccountChange: pending ? toBankAccountChangeView(pending) : null,
  };
}

/**
 * Past withdrawal requests, one page, newest first, with the destination they were made to
 * (masked). Keyset on (requested_at, 受付番号), served by withdrawals_customer_time_number.
 */
export async function listWithdrawals(
  db: Db,
  customerId: string,
  page: { cursor?: string | undefined; limit?: number } = {},
): Promise<{ withdrawals: Withdrawal[]; nextCursor: string | null }> {
  const limit = page.limit ?? PAGE_SIZES.withdrawals;
  const position = positionOf(page.cursor, cursorKeys.withdrawals);
  await requireCustomer(db, customerId);
  const rows = await db
    .select({ row: withdrawals, at: microsOf(withdrawals.requestedAt) })
    .from(withdrawals)
    .where(
      and(
        eq(withdrawals.customerId, customerId),
        position ? afterPosition(withdrawals.requestedAt, withdrawals.requestNumber, position, "text") : undefined,
      ),
    )
    .orderBy(desc(withdrawals.requestedAt), desc(withdrawals.requestNumber))
    .limit(limit + 1);
  const shown = toPage(rows, limit, (r) => ({ at: r.at, key: r.row.requestNumber }));
  return { withdrawals: shown.rows.map((r) => toWithdrawal(r.row)), nextCursor: shown.nextCursor };
}

async function findByKey(db: Db | Tx, customerId: string, requestKey: string) {
  const [row] = await db
    .select()
    .from(withdrawals)
    .where(and(eq(withdrawals.customerId, customerId), eq(withdrawals.requestKey, requestKey)));
  return row;
}

/** Refusals of a withdrawal that are audited; the key's is worth a look (a client bug, or tampering). */
const audited = new Set<string>(["insufficient_funds", "bank_account_changed", "idempotency_key_reused"]);

/**
 * 出金申込 (R12, R15, R26), in one transaction:
 *
 * 1. the request key is claimed (request-keys.ts): a key this same request already used
 *    returns that withdrawal unchanged (no second debit, no second mail), a concurrent twin
 *    waits for the first and then does the same, and a key used for anything else (another
 *    amount, destination or operation) is refused with 422 idempotency_key_reused;
 * 2. the destination must be the account the customer confirmed (its id changes when an
 *    operator applies a destination change), held with a share lock until commit;
 * 3. the withdrawal is inserted with a copy of the destination;
 * 4. 出金可能額 is debited by one conditional UPDATE (`… WHERE withdrawable >= amount`):
 *    parallel withdrawals can never overdraw, and the CHECK constraint backs it up;
 * 5. the audit record and the 出金申込完了通知メール (when on) commit with it.
 *
 * A refusal stores nothing but its audit record.
 */
export async function createWithdrawal(
  db: Db,
  services: CoreServices,
  actor: Actor & { request: WithdrawalRequest; requestKey: string },
): Promise<{ withdrawal: WithdrawalReceipt; created: boolean }> {
  await refuseIfStopped(db, services, { ...actor, action: "withdrawal" });
  const { amount, bankAccountId } = actor.request;
  const audit = (tx: Db | Tx, outcome: "success" | "failure", detail: Record<string, unknown>) =>
    recordAudit(tx, {
      eventType: "withdrawal",
      outcome,
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { amount, ...detail },
    });

  try {
    return await db.transaction(async (tx) => {
      const customer = await requireCustomer(tx, actor.customerId);
      const { customerId, requestKey, request } = actor;
      if ((await claimRequestKey(tx, { customerId, requestKey, operation: "withdrawal", request })) === "replay") {
        const first = await findByKey(tx, actor.customerId, actor.requestKey);
        if (!first) throw new Error("request key without its withdrawal");
        return { withdrawal: toWithdrawal(first), created: false };
      }

      const account = await activeBankAccount(tx, actor.customerId, "share");
      if (!account || account.id !== bankAccountId) throw new AppError("bank_account_changed", 409);

      const now = services.clock.now(actor.customerId);
      const [inserted] = await tx
        .insert(withdrawals)
        .values({
          customerId: actor.customerId,
          amount,
          bankAccountId: account.id,
          bankName: account.bankName,
          branchName: account.branchName,
          accountType: account.accountType,
          accountNumber: account.accountNumber,
          holderKana: account.holderKana,
          requestKey: actor.requestKey,
          requestedAt: now,
        })
        .returning();
      if (!inserted) throw new Error("withdrawal not inserted");

      const [debited] = await tx
        .update(cashBalances)
        .set({ withdrawable: sql`${cashBalances.withdrawable} - ${amount}`, updatedAt: sql`now()` })
        .where(and(eq(cashBalances.customerId, actor.customerId), gte(cashBalances.withdrawable, amount)))
        .returning({ withdrawable: cashBalances.withdrawable });
      if (!debited) {
        const withdrawable = await withdrawableOf(tx, actor.customerId);
        throw new AppError("insufficient_funds", 422, {
          fields: [
            { path: "amount", message: messageRef("server.withdrawal.overWithdrawable", { amount: withdrawable }) },
          ],
        });
      }

      await audit(tx, "success", {
        requestNumber: inserted.requestNumber,
        bank: describeBank(account),
        accountNumber: maskAccountNumber(account.accountNumber),
        withdrawableAfter: debited.withdrawable,
      });
      const [sentTo] = await enqueueMail(tx, {
        customerId: actor.customerId,
        type: "withdrawal_completed",
        data: {
          customerName: customer.name,
          at: now,
          requestNumber: inserted.requestNumber,
          amount,
          bank: account,
          accountNumber: account.accountNumber,
        },
      });
      return {
        withdrawal: { ...toWithdrawal(inserted), notificationSentTo: sentTo ? maskEmail(sentTo) : null },
        created: true,
      };
    });
  } catch (err) {
    if (err instanceof AppError && audited.has(err.code)) {
      await audit(db, "failure", { reason: err.code });
    }
    throw err;
  }
}

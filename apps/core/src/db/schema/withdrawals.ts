// Cash out of the account: 出金先口座, its change requests, 出金可能額 and 出金申込.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  pgSequence,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { customers, ownedByCustomer } from "./customers.ts";

/**
 * 出金先口座 (registered bank account); shown masked (R20). A customer has at most one
 * active row (`retired_at` null). An approved change (R14) retires the row and inserts a new
 * one, so the account's `id` changes: anything confirmed for the old destination (a
 * withdrawal's step-up digest, an 認証コード) no longer matches (R26). Retired rows stay as history.
 */
export const bankAccounts = pgTable(
  "bank_accounts",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    customerId: ownedByCustomer(),
    bankName: text("bank_name").notNull(),
    branchName: text("branch_name").notNull(),
    accountType: text("account_type", { enum: ["普通", "当座"] }).notNull(),
    accountNumber: text("account_number").notNull(),
    holderKana: text("holder_kana").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("bank_accounts_active_customer").on(t.customerId).where(sql`${t.retiredAt} is null`)],
);

/**
 * 出金先口座変更の申請 (R14): the customer asks, an operator approves (applied) or rejects.
 * At most one 申請中 per customer; a new request replaces the pending one (marked 却下 by
 * "customer"). Times come from core's clock, so they are set by the application.
 */
export const bankAccountChanges = pgTable(
  "bank_account_changes",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    customerId: ownedByCustomer(),
    status: text("status", { enum: ["申請中", "承認済", "却下"] })
      .notNull()
      .default("申請中"),
    bankName: text("bank_name").notNull(),
    branchName: text("branch_name").notNull(),
    accountType: text("account_type", { enum: ["普通", "当座"] }).notNull(),
    accountNumber: text("account_number").notNull(),
    holderKana: text("holder_kana").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The operator's name, or "customer" when replaced by a newer request. */
    decidedBy: text("decided_by"),
  },
  (t) => [
    index("bank_account_changes_customer_time").on(t.customerId, t.requestedAt),
    uniqueIndex("bank_account_changes_one_pending").on(t.customerId).where(sql`${t.status} = '申請中'`),
  ],
);

/**
 * 出金可能額 (R12), one row per customer. A withdrawal debits it with one conditional UPDATE
 * (`… WHERE withdrawable >= amount`), and the CHECK makes a negative balance impossible.
 */
export const cashBalances = pgTable(
  "cash_balances",
  {
    customerId: uuid("customer_id")
      .primaryKey()
      .references(() => customers.id, { onDelete: "cascade" }),
    withdrawable: bigint("withdrawable", { mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("cash_balances_withdrawable_nonnegative", sql`${t.withdrawable} >= 0`)],
);

/** Issues 受付番号 of withdrawals: W00000001, W00000002, … */
export const withdrawalNumberSeq = pgSequence("withdrawal_number_seq", {
  startWith: 1,
  minValue: 1,
  maxValue: 99999999,
});

/**
 * 出金申込 (R12, R15). The destination is copied at request time, so a later change of
 * 出金先口座 does not alter an accepted withdrawal. `request_key` (the BFF's idempotency key)
 * is unique per customer: the same request never creates a second withdrawal (R26);
 * `request_keys` decides whether a key's return is a replay.
 */
export const withdrawals = pgTable(
  "withdrawals",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    requestNumber: text("request_number")
      .notNull()
      .unique()
      .default(sql`('W' || lpad(nextval('withdrawal_number_seq')::text, 8, '0'))`),
    customerId: ownedByCustomer(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    /** The 出金先口座 row the customer confirmed; its values are copied below. */
    bankAccountId: uuid("bank_account_id").notNull(),
    bankName: text("bank_name").notNull(),
    branchName: text("branch_name").notNull(),
    accountType: text("account_type", { enum: ["普通", "当座"] }).notNull(),
    accountNumber: text("account_number").notNull(),
    holderKana: text("holder_kana").notNull(),
    status: text("status", { enum: ["受付済", "処理中", "完了", "取消"] })
      .notNull()
      .default("受付済"),
    requestKey: text("request_key").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("withdrawals_customer_request_key").on(t.customerId, t.requestKey),
    // 出金申込履歴's keyset (requested_at, 受付番号) per customer (issue 16).
    index("withdrawals_customer_time_number").on(t.customerId, t.requestedAt, t.requestNumber),
    check("withdrawals_amount_positive", sql`${t.amount} > 0`),
  ],
);

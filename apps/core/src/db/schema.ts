import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** Issues お客様コード for new customers; demo customers use the fixed 100000x codes. */
export const customerCodeSeq = pgSequence("customer_code_seq", {
  startWith: 2000001,
  minValue: 2000001,
  maxValue: 9999999,
});

export const customers = pgTable("customers", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  /** お客様コード */
  customerCode: text("customer_code").notNull().unique(),
  name: text("name").notNull(),
  /** フリガナ (full-width katakana, family and given name separated by a space). */
  nameKana: text("name_kana").notNull().default(""),
  birthDate: date("birth_date").notNull(),
  phone: text("phone").notNull(),
  /** 郵便番号, "150-0002". */
  postalCode: text("postal_code").notNull().default(""),
  address: text("address").notNull().default(""),
  /** argon2id PHC string; the plain password never reaches the database. */
  loginPasswordHash: text("login_password_hash").notNull(),
  loginPasswordChangedAt: timestamp("login_password_changed_at", { withTimezone: true }),
  /** argon2id of the 執行パスワード; null only until core issues the initial one at start. */
  executionPasswordHash: text("execution_password_hash"),
  /**
   * The company-issued initial execution password, encrypted (AES-256-GCM), so お知らせ can
   * show it (R9). Cleared when the customer changes it.
   */
  initialExecutionPasswordEnc: text("initial_execution_password_enc"),
  executionPasswordChangedAt: timestamp("execution_password_changed_at", { withTimezone: true }),
  /**
   * Consecutive failed execution-password attempts (R8). Changed only by single atomic
   * statements or short row-locked settles, never while a hash is evaluated (decision 004).
   */
  executionFailedAttempts: integer("execution_failed_attempts").notNull().default(0),
  /** Attempts reserved and still being evaluated; failed + in flight never exceeds 9 (R8). */
  executionAttemptsInFlight: integer("execution_attempts_in_flight").notNull().default(0),
  /** When the latest attempt was reserved: reservations older than a minute are leaked (a crash), not in flight. */
  executionAttemptReservedAt: timestamp("execution_attempt_reserved_at", { withTimezone: true }),
  lockedAt: timestamp("locked_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every password a customer has set, per kind, to refuse the last N on change (R3, R7). */
export const passwordHistory = pgTable(
  "password_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["login", "execution"] }).notNull(),
    hash: text("hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_history_customer_kind").on(t.customerId, t.kind, t.id)],
);

/** Registered e-mail addresses (up to 2 per customer; mail settings pick one as 配信先). */
export const customerEmails = pgTable(
  "customer_emails",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    address: text("address").notNull(),
  },
  (t) => [unique("customer_emails_position").on(t.customerId, t.position)],
);

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
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
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
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
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
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
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
    index("withdrawals_customer_time").on(t.customerId, t.requestedAt),
    check("withdrawals_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** 口座開設状況 (R20): one row per customer and kind of account. */
export const accountOpenings = pgTable(
  "account_openings",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["総合口座", "特定口座", "NISA口座", "信用取引口座"] }).notNull(),
    status: text("status", { enum: ["開設済", "審査中", "未開設"] }).notNull(),
    appliedOn: date("applied_on"),
    openedOn: date("opened_on"),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.kind] })],
);

/**
 * 認証コード (R13): one-time codes mailed for one operation, bound to the digest of exactly
 * what the customer confirms. Only a salted SHA-256 of the code is stored. A code is live
 * while neither consumed nor voided and before `expires_at`; `attempts` counts wrong entries.
 * Times come from core's clock (per-customer in tests), so they are set by the application.
 */
export const authCodes = pgTable(
  "auth_codes",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    operation: text("operation").notNull(),
    /** sha256 (hex) of the operation's canonical payload, computed by the BFF. */
    digest: text("digest").notNull(),
    /** Random per-code salt (hex) and sha256(salt:code) (hex); the code itself is never stored. */
    salt: text("salt").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
  },
  (t) => [index("auth_codes_customer_operation_time").on(t.customerId, t.operation, t.createdAt)],
);

/**
 * Audit trail (R29). Append-only: who (customer, or the customer code tried), what,
 * outcome, when and from where. `subject` keeps failed attempts on unknown codes traceable.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    subject: text("subject"),
    eventType: text("event_type").notNull(),
    outcome: text("outcome").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_events_customer_time").on(t.customerId, t.occurredAt)],
);

/** Company-wide お知らせ shown on every customer's 会員トップ. */
export const notices = pgTable("notices", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["info", "important"] }).notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
});

/** メールサービス配信設定 (R23): one row per customer and optional mail type. */
export const mailSettings = pgTable(
  "mail_settings",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    mailType: text("mail_type").notNull(),
    enabled: boolean("enabled").notNull().default(false),
    /** Position (1 or 2) of the registered address the mail goes to. */
    destination: smallint("destination").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.mailType] })],
);

/**
 * Transactional outbox (R25): a mail is inserted in the same transaction as the change that
 * causes it; the delivery worker sends it. `message_id` is fixed at insert, so a resend after
 * a crash carries the same Message-ID and receivers can recognise the duplicate.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: text("message_id").notNull().unique(),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    mailType: text("mail_type").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).defaultNow(),
    /** While `sending`: when the claim expires and another worker may retry (crash recovery). */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_due").on(t.status, t.nextAttemptAt)],
);

/**
 * 銘柄 (R17, R18): Tokyo Stock Exchange issues and mutual funds, reference data seeded by
 * the migration. `price` is the simulated current price (integer yen); for funds the latest
 * NAV per 10,000 units (基準価額). Daily price limits derive from `previous_close`.
 * `step` counts simulated moves, so the next move is a function of (seed, code, step).
 */
export const instruments = pgTable(
  "instruments",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["stock", "fund"] }).notNull(),
    lotSize: integer("lot_size").notNull(),
    price: bigint("price", { mode: "number" }).notNull(),
    previousClose: bigint("previous_close", { mode: "number" }).notNull(),
    step: integer("step").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("instruments_price_positive", sql`${t.price} > 0 and ${t.previousClose} > 0`)],
);

/** Issues 注文番号: O00000001, O00000002, … */
export const orderNumberSeq = pgSequence("order_number_seq", { startWith: 1, minValue: 1, maxValue: 99999999 });

/**
 * 注文 (R17, R18). What an open order holds back is stored on the order: `reserved_cash`
 * (taken from `cash_balances.withdrawable` at placement) and `reserved_quantity` (shares or
 * fund units held on `positions`, or on the margin position it closes). Filling, cancelling
 * and expiring lock the row and require `status = 'open'`, so exactly one of them wins.
 */
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orderNumber: text("order_number")
      .notNull()
      .unique()
      .default(sql`('O' || lpad(nextval('order_number_seq')::text, 8, '0'))`),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["stock", "fund"] }).notNull(),
    instrumentCode: text("instrument_code")
      .notNull()
      .references(() => instruments.code),
    side: text("side", { enum: ["buy", "sell"] }).notNull(),
    account: text("account", { enum: ["cash", "margin"] }),
    marginAction: text("margin_action", { enum: ["open", "close"] }),
    /** The margin position a 返済 order closes. */
    marginPositionId: uuid("margin_position_id"),
    quantity: bigint("quantity", { mode: "number" }),
    amount: bigint("amount", { mode: "number" }),
    units: bigint("units", { mode: "number" }),
    priceType: text("price_type", { enum: ["market", "limit"] }),
    limitPrice: bigint("limit_price", { mode: "number" }),
    status: text("status", { enum: ["open", "filled", "cancelled", "expired"] })
      .notNull()
      .default("open"),
    reservedCash: bigint("reserved_cash", { mode: "number" }).notNull().default(0),
    reservedQuantity: bigint("reserved_quantity", { mode: "number" }).notNull().default(0),
    filledPrice: bigint("filled_price", { mode: "number" }),
    filledQuantity: bigint("filled_quantity", { mode: "number" }),
    /** Yen paid or received on fill (funds: the amount; stocks: price × quantity). */
    filledAmount: bigint("filled_amount", { mode: "number" }),
    filledAt: timestamp("filled_at", { withTimezone: true }),
    requestKey: text("request_key").notNull(),
    /** Request key of the last 訂正 or 取消 (`request_keys` holds every key and decides replays). */
    lastActionKey: text("last_action_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("orders_customer_request_key").on(t.customerId, t.requestKey),
    index("orders_customer_time").on(t.customerId, t.createdAt),
    index("orders_open_instrument").on(t.instrumentCode).where(sql`${t.status} = 'open'`),
    check("orders_reserved_nonnegative", sql`${t.reservedCash} >= 0 and ${t.reservedQuantity} >= 0`),
  ],
);

/**
 * 現物 holdings of stocks (shares) and funds (units). `cost` is the total yen paid for the
 * current quantity (the average price is cost / quantity); `reserved_quantity` is held back
 * by open sell orders.
 */
export const positions = pgTable(
  "positions",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    instrumentCode: text("instrument_code")
      .notNull()
      .references(() => instruments.code),
    quantity: bigint("quantity", { mode: "number" }).notNull(),
    reservedQuantity: bigint("reserved_quantity", { mode: "number" }).notNull().default(0),
    cost: bigint("cost", { mode: "number" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.instrumentCode] }),
    check("positions_quantities", sql`${t.reservedQuantity} >= 0 and ${t.quantity} >= ${t.reservedQuantity}`),
  ],
);

/**
 * 信用建玉: a margin position, opened by a filled 新規 order. `required_margin` (委託保証金)
 * was taken from withdrawable and is released, with the realized P&L, by 返済.
 */
export const marginPositions = pgTable(
  "margin_positions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    instrumentCode: text("instrument_code")
      .notNull()
      .references(() => instruments.code),
    side: text("side", { enum: ["buy", "sell"] }).notNull(),
    quantity: bigint("quantity", { mode: "number" }).notNull(),
    reservedQuantity: bigint("reserved_quantity", { mode: "number" }).notNull().default(0),
    openPrice: bigint("open_price", { mode: "number" }).notNull(),
    requiredMargin: bigint("required_margin", { mode: "number" }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("margin_positions_customer").on(t.customerId, t.instrumentCode),
    check(
      "margin_positions_quantities",
      sql`${t.reservedQuantity} >= 0 and ${t.quantity} >= ${t.reservedQuantity} and ${t.requiredMargin} >= 0`,
    ),
  ],
);

/**
 * Idempotency keys of the guarded writes that carry one (R26): 出金, 注文, 訂正, 取消. A key
 * stands for one request of one customer — its operation and the sha256 of the canonical
 * request — so a retry gets the first result and the same key with anything else is refused
 * (`idempotency_key_reused`), whichever operation used it first. The row commits with the
 * operation, so a refused request leaves its key free, as the BFF does. `fingerprint` is null
 * only for keys recorded before fingerprints were (copied from withdrawals and orders): those
 * replay on the operation alone, as they did.
 */
export const requestKeys = pgTable(
  "request_keys",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    requestKey: text("request_key").notNull(),
    operation: text("operation", { enum: ["withdrawal", "place_order", "modify_order", "cancel_order"] }).notNull(),
    fingerprint: text("fingerprint"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.requestKey] })],
);

export * from "./margin-schema.ts";

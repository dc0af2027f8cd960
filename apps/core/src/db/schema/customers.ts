// Customers and what 登録情報 shows of them: identity, credentials' hashes, e-mail addresses, 口座開設状況.
import { sql } from "drizzle-orm";
import {
  date,
  integer,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
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
  /**
   * The customer's language (R36): screens after login, mails and messages; 'ja' or 'en'. Null
   * until their first login, which keeps the language they logged in with (so an English
   * browser is not switched to Japanese by logging in); the 日本語 / English switch changes it.
   * Mails to a customer with none are Japanese.
   */
  locale: text("locale"),
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
  /**
   * 取引停止 (R33): the customer's own emergency stop. While set, core refuses orders,
   * withdrawals and changes of credentials and destinations (account_stopped); only an
   * operator lifts it, after 本人確認. Reason and who stopped it are kept for the operator.
   */
  tradingStoppedAt: timestamp("trading_stopped_at", { withTimezone: true }),
  tradingStopReason: text("trading_stop_reason"),
  tradingStoppedBy: text("trading_stopped_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A row's owner: always set, and the row goes when the customer does. */
export const ownedByCustomer = () =>
  uuid("customer_id")
    .notNull()
    .references(() => customers.id, { onDelete: "cascade" });

/** Registered e-mail addresses (up to 2 per customer; mail settings pick one as 配信先). */
export const customerEmails = pgTable(
  "customer_emails",
  {
    customerId: ownedByCustomer(),
    position: smallint("position").notNull(),
    address: text("address").notNull(),
  },
  (t) => [unique("customer_emails_position").on(t.customerId, t.position)],
);

/** 口座開設状況 (R20): one row per customer and kind of account. */
export const accountOpenings = pgTable(
  "account_openings",
  {
    customerId: ownedByCustomer(),
    kind: text("kind", { enum: ["総合口座", "特定口座", "NISA口座", "信用取引口座"] }).notNull(),
    status: text("status", { enum: ["開設済", "審査中", "未開設"] }).notNull(),
    appliedOn: date("applied_on"),
    openedOn: date("opened_on"),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.kind] })],
);

import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
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
  /** Consecutive failed execution-password attempts (R8); updated only under a row lock. */
  executionFailedAttempts: integer("execution_failed_attempts").notNull().default(0),
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

/** 出金先口座 (registered bank account, one per customer); shown masked (R20). */
export const bankAccounts = pgTable("bank_accounts", {
  customerId: uuid("customer_id")
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  bankName: text("bank_name").notNull(),
  branchName: text("branch_name").notNull(),
  accountType: text("account_type", { enum: ["普通", "当座"] }).notNull(),
  accountNumber: text("account_number").notNull(),
  holderKana: text("holder_kana").notNull(),
});

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

import { sql } from "drizzle-orm";
import {
  bigserial,
  date,
  index,
  jsonb,
  pgSequence,
  pgTable,
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
  birthDate: date("birth_date").notNull(),
  phone: text("phone").notNull(),
  /** argon2id PHC string; the plain password never reaches the database. */
  loginPasswordHash: text("login_password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

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

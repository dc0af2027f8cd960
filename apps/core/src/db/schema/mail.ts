// Mail: per-customer delivery settings and the transactional outbox.
import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { customers, ownedByCustomer } from "./customers.ts";

/** メールサービス配信設定 (R23): one row per customer and optional mail type. */
export const mailSettings = pgTable(
  "mail_settings",
  {
    customerId: ownedByCustomer(),
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
    /**
     * The language the mail was worded in (R36): the customer's when it was queued. Delivery
     * declares it (Content-Language), so mail clients pick the right fonts and offers.
     */
    locale: text("locale").notNull().default("ja"),
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

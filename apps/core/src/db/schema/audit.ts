import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers.ts";

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
  (t) => [
    index("audit_events_customer_time").on(t.customerId, t.occurredAt),
    // ログイン履歴 and 前回ログイン read logins only: their keyset (occurred_at, id) skips the
    // customer's many other events (issue 16).
    index("audit_events_customer_logins").on(t.customerId, t.occurredAt, t.id).where(sql`${t.eventType} = 'login'`),
  ],
);

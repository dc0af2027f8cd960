import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ownedByCustomer } from "./customers.ts";

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
    customerId: ownedByCustomer(),
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

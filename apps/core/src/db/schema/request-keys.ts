import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { ownedByCustomer } from "./customers.ts";

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
    customerId: ownedByCustomer(),
    requestKey: text("request_key").notNull(),
    operation: text("operation", { enum: ["withdrawal", "place_order", "modify_order", "cancel_order"] }).notNull(),
    fingerprint: text("fingerprint"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.requestKey] })],
);

import { bigserial, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { ownedByCustomer } from "./customers.ts";

/** Every password a customer has set, per kind, to refuse the last N on change (R3, R7). */
export const passwordHistory = pgTable(
  "password_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    customerId: ownedByCustomer(),
    kind: text("kind", { enum: ["login", "execution"] }).notNull(),
    hash: text("hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_history_customer_kind").on(t.customerId, t.kind, t.id)],
);

// New-device detection (issue 15, decision 013): the devices each customer has logged in from,
// and the cooling period a login from a new device starts.
import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { ownedByCustomer } from "./customers.ts";

/**
 * A device the customer logged in from. Only the BFF's hash of its device cookie is stored
 * (sha256 of a random id): core can recognise a device but never rebuild its cookie.
 */
export const knownDevices = pgTable(
  "known_devices",
  {
    customerId: ownedByCustomer(),
    deviceHash: text("device_hash").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.deviceHash] })],
);

/**
 * One cooling period per customer (the latest end wins): until `until`, destination changes
 * are refused and withdrawals need the 認証コード. `reason` says what started it.
 */
export const coolingPeriods = pgTable("cooling_periods", {
  customerId: ownedByCustomer().primaryKey(),
  until: timestamp("until", { withTimezone: true }).notNull(),
  reason: text("reason").notNull(),
});

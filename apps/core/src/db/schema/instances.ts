// State that core instances share through the database, so two of them behind a load
// balancer act as one (issue 18, decision 018).
import { bigint, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The test clock's per-customer times (test API only). Every instance reads them at the
 * start of each request and timer tick, so a time QA sets through one instance holds on the
 * others. No foreign key: like the in-memory map it replaces, a time may be set for any id.
 */
export const testClockOverrides = pgTable("test_clock_overrides", {
  customerId: uuid("customer_id").primaryKey(),
  now: timestamp("now", { withTimezone: true }).notNull(),
});

/**
 * The last interval each periodic job ran in (`slot` = database time ÷ interval). Every
 * instance runs the timer; the one that moves `slot` forward runs the job, so the market
 * moves once per MARKET_TICK_MS however many instances there are, whatever their phase.
 */
export const timerSlots = pgTable("timer_slots", {
  name: text("name").primaryKey(),
  slot: bigint("slot", { mode: "number" }).notNull(),
  claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
});

import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { testClockOverrides } from "../db/schema.ts";

/**
 * Core's notion of "now". Production uses the system clock; in test mode QA can set the
 * time per customer, so scenarios before and after enforcement (R11) run in parallel.
 * `now()` stays synchronous (it is read deep inside transactions); a clock that keeps its
 * state in the database loads it with `refresh()` before a request or a timer tick uses it.
 */
export interface Clock {
  now(customerId?: string): Date;
  refresh?(db: Db): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The test API's clock. The times QA sets live in `test_clock_overrides`, so every core
 * instance on the database sees them (issue 18): `refresh()` reloads them (app.ts does it at
 * the start of every request when the test API is on; the market timer before each tick).
 */
export class TestClock implements Clock {
  #overrides = new Map<string, Date>();
  now(customerId?: string) {
    return (customerId && this.#overrides.get(customerId)) || new Date();
  }
  /** This process only, until the next `refresh()`: for in-process tests that call domain code directly. */
  set(customerId: string, now: Date | null) {
    if (now) this.#overrides.set(customerId, now);
    else this.#overrides.delete(customerId);
  }
  /** Sets (or, with null, clears) the customer's time for every instance on `db`, and here at once. */
  async setShared(db: Db, customerId: string, now: Date | null) {
    if (now) {
      await db
        .insert(testClockOverrides)
        .values({ customerId, now })
        .onConflictDoUpdate({ target: testClockOverrides.customerId, set: { now } });
    } else {
      await db.delete(testClockOverrides).where(eq(testClockOverrides.customerId, customerId));
    }
    this.set(customerId, now);
  }
  async refresh(db: Db) {
    const rows = await db.select().from(testClockOverrides);
    this.#overrides = new Map(rows.map((r) => [r.customerId, r.now]));
  }
}

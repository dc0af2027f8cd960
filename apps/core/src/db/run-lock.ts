import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";

/**
 * Jobs that must never run twice at once across core instances (issue 18, decision 018):
 * each is a PostgreSQL advisory lock key. A run does many transactions (one per fill), so
 * row locks alone cannot keep a second run from moving prices or NAVs a second time.
 */
export const exclusiveRuns = { marketTick: 1, navRun: 2, expireOrders: 3 } as const;
export type ExclusiveRun = keyof typeof exclusiveRuns;

/** The first key of the two-key advisory lock form, so kakunin's locks stay apart from others' ("kkn"). */
const LOCK_SPACE = 0x6b6b6e;
/** The startup lock (migrations, initial execution passwords): one instance at a time. */
export const STARTUP_LOCK = 100;

export type RunResult<T> = { ran: true; value: T } | { ran: false };

// PGlite is one process with one session: an advisory lock there excludes nothing (the same
// session may take it again) and an open transaction blocks every other query of the process,
// so the lock below would deadlock. Two instances cannot open one PGlite, so a guard per
// database object is the whole of the exclusion there.
const embeddedRuns = new WeakMap<Db, Set<ExclusiveRun>>();

const isEmbedded = (db: Db) => (db as { $client?: unknown }).$client instanceof PGlite;

/**
 * Runs `fn` unless a run of the same job is in progress on any instance, in which case it
 * returns `{ ran: false }` at once (no waiting: a second NAV run queued behind the first
 * would move every NAV a second step). On PostgreSQL the lock is a transaction-level advisory
 * lock held by a transaction that stays open for the run while `fn` works on other pool
 * connections: it ends with the run, and with the connection if the instance dies mid-run,
 * so no lock outlives its holder and nothing needs a lease to expire.
 */
export async function runExclusive<T>(db: Db, run: ExclusiveRun, fn: () => Promise<T>): Promise<RunResult<T>> {
  if (isEmbedded(db)) {
    const running = embeddedRuns.get(db) ?? new Set<ExclusiveRun>();
    embeddedRuns.set(db, running);
    if (running.has(run)) return { ran: false };
    running.add(run);
    try {
      return { ran: true, value: await fn() };
    } finally {
      running.delete(run);
    }
  }
  return db.transaction(async (tx): Promise<RunResult<T>> => {
    const result = await tx.execute(
      sql`select pg_try_advisory_xact_lock(${LOCK_SPACE}, ${exclusiveRuns[run]}) as locked`,
    );
    const [row] = (result as unknown as { rows: { locked: boolean }[] }).rows;
    if (!row?.locked) return { ran: false };
    return { ran: true, value: await fn() };
  });
}

/** The advisory lock key of a job, for tests that hold it as another instance would. */
export const lockKeyOf = (run: ExclusiveRun | "startup") =>
  [LOCK_SPACE, run === "startup" ? STARTUP_LOCK : exclusiveRuns[run]] as const;

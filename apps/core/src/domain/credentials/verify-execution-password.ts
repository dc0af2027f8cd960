import type { ClientContext } from "@kakunin/contracts/core-api";
import { accountLockedMessage } from "@kakunin/contracts/credentials";
import { EXECUTION_PASSWORD_MAX_ATTEMPTS } from "@kakunin/contracts/errors";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { customers } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { HashGate } from "../../lib/hash-gate.ts";
import { verifyPassword } from "../../lib/passwords.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { supportContact } from "../../mail/support-contact.ts";
import { type AuditOutcome, recordAudit } from "../audit.ts";
import { gateKeys } from "./gate-keys.ts";

export type VerifyOutcome =
  | { status: "verified" }
  | { status: "wrong"; remainingAttempts: number; lockedNow: boolean }
  | { status: "locked" };

export interface CredentialActor {
  customerId: string;
  client: ClientContext;
  requestId?: string | undefined;
}

/**
 * A reservation older than this was leaked (core stopped between reserve and settle): it no
 * longer counts as in flight. Far above the longest attempt (the gate's wait, ≤ 4 s, plus
 * one evaluation and two short statements).
 */
const RESERVATION_TTL_SECONDS = 60;

/**
 * Reserves one execution-password attempt: one conditional UPDATE that refuses once the
 * account is locked or 9 attempts are counted or in flight (R8), so no more than 9 hashes
 * are evaluated however many attempts race, on one core instance or several. Returns the
 * hash to evaluate, or null when refused.
 */
async function reserveAttempt(db: Db, customerId: string) {
  const stale = sql`${customers.executionAttemptReservedAt} < now() - make_interval(secs => ${RESERVATION_TTL_SECONDS})`;
  const inFlight = sql`(case when ${stale} then 0 else ${customers.executionAttemptsInFlight} end)`;
  const [row] = await db
    .update(customers)
    .set({ executionAttemptsInFlight: sql`${inFlight} + 1`, executionAttemptReservedAt: sql`now()` })
    .where(
      and(
        eq(customers.id, customerId),
        isNull(customers.lockedAt),
        sql`${customers.executionFailedAttempts} + ${inFlight} < ${EXECUTION_PASSWORD_MAX_ATTEMPTS}`,
      ),
    )
    .returning({ hash: customers.executionPasswordHash });
  return row ?? null;
}

const releaseReservation = sql`greatest(${customers.executionAttemptsInFlight} - 1, 0)`;

/**
 * Checks the execution password against the one lock counter of R8 (decision 004).
 *
 * No transaction, row lock or pooled connection is held while argon2 runs: the attempt is
 * reserved first (one atomic UPDATE), the hash is evaluated outside any transaction in a
 * slot of the hash gate, and the result is settled in one short transaction (a failure
 * counts and, at the 9th, locks with its audit and ロック通知 mail; a success resets).
 * The gate runs one attempt per customer at a time in this process, so the next attempt sees
 * the settled count; the reservation keeps the count exact across core instances too.
 * `verify` is injectable so tests can count (or hold) evaluations.
 */
export async function verifyExecutionPassword(
  db: Db,
  gate: HashGate,
  actor: CredentialActor & { password: string; purpose: string },
  options: { verify?: (hash: string, plain: string) => Promise<boolean>; deadline?: number } = {},
): Promise<VerifyOutcome> {
  const verify = options.verify ?? verifyPassword;
  const audit = (executor: Db | Tx, outcome: AuditOutcome, detail: Record<string, unknown> = {}) =>
    recordAudit(executor, {
      eventType: "execution_password",
      outcome,
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { purpose: actor.purpose, ...detail },
    });
  const refuseLocked = async (): Promise<VerifyOutcome> => {
    await audit(db, "refused_locked");
    return { status: "locked" };
  };

  return gate.exclusive(
    gateKeys.execution(actor.customerId),
    async (deadline) => {
      // A locked account is refused before it takes a slot: a flood of tries at locked
      // customers costs one read each, not a place in the hash queue.
      const [row] = await db
        .select({ lockedAt: customers.lockedAt })
        .from(customers)
        .where(eq(customers.id, actor.customerId));
      if (!row) throw new AppError("not_found", 404);
      if (row.lockedAt) return refuseLocked();

      const result = await gate.hash(async () => {
        const reserved = await reserveAttempt(db, actor.customerId);
        if (!reserved) return null;
        try {
          if (!reserved.hash) throw new Error("customer has no execution password yet");
          return await verify(reserved.hash, actor.password);
        } catch (err) {
          await db
            .update(customers)
            .set({ executionAttemptsInFlight: releaseReservation })
            .where(eq(customers.id, actor.customerId));
          throw err;
        }
      }, deadline);

      if (result === null) {
        // Refused: locked meanwhile, or another core instance holds the last tries in flight.
        // Only the first is "locked"; the other would be a false claim, so it is retryable.
        const [now] = await db
          .select({ lockedAt: customers.lockedAt })
          .from(customers)
          .where(eq(customers.id, actor.customerId));
        if (now?.lockedAt) return refuseLocked();
        throw new AppError("attempt_in_progress", 429, { retryAfterSeconds: 1 });
      }

      if (result) {
        return db.transaction(async (tx) => {
          const [settled] = await tx
            .update(customers)
            .set({
              executionFailedAttempts: sql`case when ${customers.lockedAt} is null then 0 else ${customers.executionFailedAttempts} end`,
              executionAttemptsInFlight: releaseReservation,
            })
            .where(eq(customers.id, actor.customerId))
            .returning({ lockedAt: customers.lockedAt });
          // Only a leaked-and-expired reservation could let a lock land meanwhile; the lock wins.
          if (settled?.lockedAt) {
            await audit(tx, "refused_locked");
            return { status: "locked" } as const;
          }
          await audit(tx, "success");
          return { status: "verified" } as const;
        });
      }

      return db.transaction(async (tx): Promise<VerifyOutcome> => {
        // The row lock is held for this settle only (two statements), never during a hash.
        const [current] = await tx
          .select({
            name: customers.name,
            attempts: customers.executionFailedAttempts,
            lockedAt: customers.lockedAt,
          })
          .from(customers)
          .where(eq(customers.id, actor.customerId))
          .for("update");
        if (!current) throw new AppError("not_found", 404);
        const attempts = current.attempts + 1;
        const lockedNow = !current.lockedAt && attempts >= EXECUTION_PASSWORD_MAX_ATTEMPTS;
        await tx
          .update(customers)
          .set({
            executionFailedAttempts: attempts,
            executionAttemptsInFlight: releaseReservation,
            ...(lockedNow ? { lockedAt: sql`now()` } : {}),
          })
          .where(eq(customers.id, actor.customerId));
        await audit(tx, "failure", { attempt: attempts });
        if (current.lockedAt) return { status: "locked" };
        if (lockedNow) {
          // ロック通知 (always sent), committed with the lock itself.
          await enqueueMail(tx, {
            customerId: actor.customerId,
            type: "account_locked",
            data: { customerName: current.name, at: new Date(), origin: actor.client },
          });
          await recordAudit(tx, {
            eventType: "account_lock",
            outcome: "locked",
            customerId: actor.customerId,
            client: actor.client,
            requestId: actor.requestId,
            detail: { reason: "execution_password_attempts", attempts },
          });
        }
        return {
          status: "wrong",
          remainingAttempts: Math.max(0, EXECUTION_PASSWORD_MAX_ATTEMPTS - attempts),
          lockedNow,
        };
      });
    },
    options.deadline,
  );
}

/** Turns a failed verification into the API's error (422 with tries left, or 423 locked). */
export function throwUnlessVerified(outcome: VerifyOutcome): void {
  if (outcome.status === "verified") return;
  if (outcome.status === "wrong" && !outcome.lockedNow) {
    throw new AppError("wrong_execution_password", 422, { remainingAttempts: outcome.remainingAttempts });
  }
  throw accountLockedError();
}

/** R8's 423, naming the お客様サポートセンター's number and hours (issue 17), the hours as the reader's language words them. */
export function accountLockedError(): AppError {
  return new AppError("account_locked", 423, {
    remainingAttempts: 0,
    message: (locale) => accountLockedMessage(supportContact(locale)),
  });
}

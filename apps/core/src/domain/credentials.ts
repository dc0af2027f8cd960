import { randomInt } from "node:crypto";
import type { ClientContext } from "@kakunin/contracts/core-api";
import type {
  ChangeExecutionPasswordRequest,
  ChangeLoginPasswordRequest,
  CredentialStatus,
} from "@kakunin/contracts/credentials";
import { EXECUTION_PASSWORD_MAX_ATTEMPTS, type FieldError } from "@kakunin/contracts/errors";
import { checkPassword, type PasswordKind, type PolicyContext } from "@kakunin/password-policy/policy";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { customers, passwordHistory } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { HashGate } from "../lib/hash-gate.ts";
import { hashPassword, verifyPassword } from "../lib/passwords.ts";
import type { CoreServices } from "../lib/types.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { type AuditOutcome, recordAudit } from "./audit.ts";
import { describeSchedule } from "./schedule.ts";

export type VerifyOutcome =
  | { status: "verified" }
  | { status: "wrong"; remainingAttempts: number; lockedNow: boolean }
  | { status: "locked" };

interface Actor {
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

/** The hash gate's keys: one attempt per customer and purpose in flight (issue 12). */
export const gateKeys = {
  execution: (customerId: string) => `execution:${customerId}`,
  passwordChange: (customerId: string) => `password-change:${customerId}`,
  login: (customerCode: string) => `login:${customerCode}`,
};

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
  actor: Actor & { password: string; purpose: string },
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
            data: { customerName: current.name, at: new Date() },
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
  throw new AppError("account_locked", 423, { remainingAttempts: 0 });
}

// No 0/O, 1/l/I: the customer copies this from the screen.
const INITIAL_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A company-issued initial execution password that satisfies every rule for this customer (R9). */
export function generateInitialExecutionPassword(ctx: PolicyContext): string {
  for (;;) {
    const candidate = Array.from({ length: 8 }, () => INITIAL_ALPHABET[randomInt(INITIAL_ALPHABET.length)]).join("");
    const classes = [/\d/, /[a-z]/, /[A-Z]/].filter((re) => re.test(candidate)).length;
    if (classes === 3 && checkPassword("execution", candidate, ctx).length === 0) return candidate;
  }
}

async function policyContext(db: Db | Tx, customerId: string) {
  const [row] = await db
    .select({
      customerCode: customers.customerCode,
      birthDate: customers.birthDate,
      phone: customers.phone,
      loginHash: customers.loginPasswordHash,
      executionHash: customers.executionPasswordHash,
    })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  return row;
}

/**
 * Issues (or reissues) the initial execution password: stores its hash and, so お知らせ
 * can show it until the customer changes it, an encrypted copy. Returns the plain password.
 */
export async function issueInitialExecutionPassword(db: Db, services: CoreServices, customerId: string) {
  const ctx = await policyContext(db, customerId);
  const plain = generateInitialExecutionPassword(ctx);
  const hash = await hashPassword(plain);
  await db.transaction(async (tx) => {
    await tx
      .update(customers)
      .set({
        executionPasswordHash: hash,
        initialExecutionPasswordEnc: services.secretBox.seal(plain),
        executionPasswordChangedAt: null,
      })
      .where(eq(customers.id, customerId));
    await tx.insert(passwordHistory).values({ customerId, kind: "execution", hash });
  });
  return plain;
}

/** Customers created before the execution password existed get their initial one at start. */
export async function issueMissingInitialExecutionPasswords(db: Db, services: CoreServices): Promise<number> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(sql`${customers.executionPasswordHash} is null`);
  for (const row of rows) await issueInitialExecutionPassword(db, services, row.id);
  return rows.length;
}

const coreOnlyMessages = {
  same_as_other_password: {
    login: "執行パスワードと同じパスワードはログインパスワードに登録できません。",
    execution: "ログインパスワードと同じパスワードは執行パスワードに登録できません。",
  },
  reused_password: (n: number) => `過去に使用したパスワード（直近${n}回分）は登録できません。`,
} as const;

/**
 * Every rule for a new password: the policy package's rules (composition, customer code,
 * birth date, phone, sequences, repeats, common passwords), plus what only core can check
 * with stored hashes: the other kind's password and the last N passwords of this kind.
 */
async function newPasswordViolations(
  db: Db,
  services: CoreServices,
  kind: PasswordKind,
  customerId: string,
  candidate: string,
  deadline: number,
): Promise<FieldError[]> {
  const ctx = await policyContext(db, customerId);
  const fields: FieldError[] = checkPassword(kind, candidate, {
    customerCode: ctx.customerCode,
    birthDate: ctx.birthDate,
    phone: ctx.phone,
  }).map((v) => ({ path: "newPassword", message: v.message, reason: v.code }));

  const otherHash = kind === "login" ? ctx.executionHash : ctx.loginHash;
  const n = services.settings.passwordHistorySize;
  const recent = await db
    .select({ hash: passwordHistory.hash })
    .from(passwordHistory)
    .where(and(eq(passwordHistory.customerId, customerId), eq(passwordHistory.kind, kind)))
    .orderBy(desc(passwordHistory.id))
    .limit(n);
  // One slot for the up to N + 1 evaluations: fetched first, so no query waits inside it.
  const { sameAsOther, reused } = await services.hashGate.hash(async () => {
    const sameAsOther = otherHash ? await verifyPassword(otherHash, candidate) : false;
    let reused = false;
    for (const { hash } of recent) {
      if (await verifyPassword(hash, candidate)) {
        reused = true;
        break;
      }
    }
    return { sameAsOther, reused };
  }, deadline);
  if (sameAsOther) {
    fields.push({
      path: "newPassword",
      message: coreOnlyMessages.same_as_other_password[kind],
      reason: "same_as_other_password",
    });
  }
  if (reused) {
    fields.push({ path: "newPassword", message: coreOnlyMessages.reused_password(n), reason: "reused_password" });
  }
  return fields;
}

async function storeNewPassword(
  db: Db,
  services: CoreServices,
  kind: PasswordKind,
  actor: Actor,
  plain: string,
  deadline: number,
): Promise<Date> {
  const hash = await services.hashGate.hash(() => hashPassword(plain), deadline);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(customers)
      .set(
        kind === "execution"
          ? { executionPasswordHash: hash, initialExecutionPasswordEnc: null, executionPasswordChangedAt: sql`now()` }
          : { loginPasswordHash: hash, loginPasswordChangedAt: sql`now()` },
      )
      .where(eq(customers.id, actor.customerId))
      .returning({
        changedAt: kind === "execution" ? customers.executionPasswordChangedAt : customers.loginPasswordChangedAt,
      });
    await tx.insert(passwordHistory).values({ customerId: actor.customerId, kind, hash });
    await recordAudit(tx, {
      eventType: kind === "execution" ? "execution_password_change" : "login_password_change",
      outcome: "success",
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
    });
    if (!row?.changedAt) throw new Error("password change did not update the customer");
    return row.changedAt;
  });
}

/**
 * 執行パスワード変更 (R10): the current password counts toward the lock like every other use.
 * One change per customer at a time; its hash evaluations share one deadline, so a busy
 * gate refuses it (503) before anything is stored rather than after the BFF gave up.
 */
export async function changeExecutionPassword(
  db: Db,
  services: CoreServices,
  actor: Actor & { request: ChangeExecutionPasswordRequest },
): Promise<Date> {
  return services.hashGate.exclusive(gateKeys.passwordChange(actor.customerId), async (deadline) => {
    const outcome = await verifyExecutionPassword(
      db,
      services.hashGate,
      { ...actor, password: actor.request.currentPassword, purpose: "change-execution-password" },
      { deadline },
    );
    throwUnlessVerified(outcome);
    const { newPassword } = actor.request;
    const fields = await newPasswordViolations(db, services, "execution", actor.customerId, newPassword, deadline);
    if (fields.length > 0) throw new AppError("validation_failed", 400, { fields });
    return storeNewPassword(db, services, "execution", actor, newPassword, deadline);
  });
}

/** ログインパスワード変更: a wrong current password is audited (the BFF throttles it). */
export async function changeLoginPassword(
  db: Db,
  services: CoreServices,
  actor: Actor & { request: ChangeLoginPasswordRequest },
): Promise<Date> {
  const gate = services.hashGate;
  return gate.exclusive(gateKeys.passwordChange(actor.customerId), async (deadline) => {
    const ctx = await policyContext(db, actor.customerId);
    if (!(await gate.hash(() => verifyPassword(ctx.loginHash, actor.request.currentPassword), deadline))) {
      await recordAudit(db, {
        eventType: "login_password_change",
        outcome: "failure",
        customerId: actor.customerId,
        client: actor.client,
        requestId: actor.requestId,
        detail: { reason: "wrong_current_password" },
      });
      throw new AppError("wrong_current_password", 422);
    }
    const { newPassword } = actor.request;
    const fields = await newPasswordViolations(db, services, "login", actor.customerId, newPassword, deadline);
    if (fields.length > 0) throw new AppError("validation_failed", 400, { fields });
    return storeNewPassword(db, services, "login", actor, newPassword, deadline);
  });
}

export async function credentialStatus(db: Db, services: CoreServices, customerId: string): Promise<CredentialStatus> {
  const [row] = await db
    .select({
      enc: customers.initialExecutionPasswordEnc,
      changedAt: customers.executionPasswordChangedAt,
      attempts: customers.executionFailedAttempts,
      lockedAt: customers.lockedAt,
    })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  return {
    executionPassword: {
      isInitial: row.enc !== null,
      changedAt: row.changedAt?.toISOString() ?? null,
      remainingAttempts: row.lockedAt ? 0 : EXECUTION_PASSWORD_MAX_ATTEMPTS - row.attempts,
      locked: row.lockedAt !== null,
    },
    schedule: describeSchedule(services.settings, services.clock.now(customerId)),
  };
}

/** The initial execution password for お知らせ (R9), or null once the customer changed it. */
export async function initialExecutionPassword(db: Db, services: CoreServices, customerId: string) {
  const [row] = await db
    .select({ enc: customers.initialExecutionPasswordEnc, createdAt: customers.createdAt })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!row?.enc) return null;
  return { password: services.secretBox.open(row.enc), issuedAt: row.createdAt };
}

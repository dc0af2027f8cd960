import { randomInt } from "node:crypto";
import type { ClientContext } from "@kakunin/contracts/core-api";
import type {
  ChangeExecutionPasswordRequest,
  ChangeLoginPasswordRequest,
  CredentialStatus,
} from "@kakunin/contracts/credentials";
import { EXECUTION_PASSWORD_MAX_ATTEMPTS, type FieldError } from "@kakunin/contracts/errors";
import { checkPassword, type PasswordKind, type PolicyContext } from "@kakunin/password-policy/policy";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { customers, passwordHistory } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
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
 * Checks the execution password against the one lock counter of R8.
 *
 * The customer's row is locked (SELECT … FOR UPDATE) for the check, so attempts for one
 * customer are evaluated one after another: the count is exact, no update is lost, and once
 * the 9th failure has locked the account no further hash is evaluated. Holding the row
 * lock for one argon2 verification (~8 ms, off the event loop) only serialises that
 * customer's own attempts. `verify` is injectable so tests can count evaluations.
 */
export async function verifyExecutionPassword(
  db: Db,
  actor: Actor & { password: string; purpose: string },
  verify: (hash: string, plain: string) => Promise<boolean> = verifyPassword,
): Promise<VerifyOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        name: customers.name,
        hash: customers.executionPasswordHash,
        attempts: customers.executionFailedAttempts,
        lockedAt: customers.lockedAt,
      })
      .from(customers)
      .where(eq(customers.id, actor.customerId))
      .for("update");
    if (!row) throw new AppError("not_found", 404);
    const audit = (outcome: AuditOutcome, detail: Record<string, unknown> = {}) =>
      recordAudit(tx, {
        eventType: "execution_password",
        outcome,
        customerId: actor.customerId,
        client: actor.client,
        requestId: actor.requestId,
        detail: { purpose: actor.purpose, ...detail },
      });

    if (row.lockedAt) {
      await audit("refused_locked");
      return { status: "locked" };
    }
    if (!row.hash) throw new Error("customer has no execution password yet");

    if (await verify(row.hash, actor.password)) {
      if (row.attempts > 0)
        await tx.update(customers).set({ executionFailedAttempts: 0 }).where(eq(customers.id, actor.customerId));
      await audit("success");
      return { status: "verified" };
    }

    const attempts = row.attempts + 1;
    const lockedNow = attempts >= EXECUTION_PASSWORD_MAX_ATTEMPTS;
    await tx
      .update(customers)
      .set({ executionFailedAttempts: attempts, ...(lockedNow ? { lockedAt: sql`now()` } : {}) })
      .where(eq(customers.id, actor.customerId));
    await audit("failure", { attempt: attempts });
    if (lockedNow) {
      // ロック通知 (always sent), committed with the lock itself.
      await enqueueMail(tx, {
        customerId: actor.customerId,
        type: "account_locked",
        data: { customerName: row.name, at: new Date() },
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
    return { status: "wrong", remainingAttempts: EXECUTION_PASSWORD_MAX_ATTEMPTS - attempts, lockedNow };
  });
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
): Promise<FieldError[]> {
  const ctx = await policyContext(db, customerId);
  const fields: FieldError[] = checkPassword(kind, candidate, {
    customerCode: ctx.customerCode,
    birthDate: ctx.birthDate,
    phone: ctx.phone,
  }).map((v) => ({ path: "newPassword", message: v.message, reason: v.code }));

  const otherHash = kind === "login" ? ctx.executionHash : ctx.loginHash;
  if (otherHash && (await verifyPassword(otherHash, candidate))) {
    fields.push({
      path: "newPassword",
      message: coreOnlyMessages.same_as_other_password[kind],
      reason: "same_as_other_password",
    });
  }
  const n = services.settings.passwordHistorySize;
  const recent = await db
    .select({ hash: passwordHistory.hash })
    .from(passwordHistory)
    .where(and(eq(passwordHistory.customerId, customerId), eq(passwordHistory.kind, kind)))
    .orderBy(desc(passwordHistory.id))
    .limit(n);
  for (const { hash } of recent) {
    if (await verifyPassword(hash, candidate)) {
      fields.push({ path: "newPassword", message: coreOnlyMessages.reused_password(n), reason: "reused_password" });
      break;
    }
  }
  return fields;
}

async function storeNewPassword(db: Db, kind: PasswordKind, actor: Actor, plain: string): Promise<Date> {
  const hash = await hashPassword(plain);
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

/** 執行パスワード変更 (R10): the current password counts toward the lock like every other use. */
export async function changeExecutionPassword(
  db: Db,
  services: CoreServices,
  actor: Actor & { request: ChangeExecutionPasswordRequest },
): Promise<Date> {
  const outcome = await verifyExecutionPassword(db, {
    ...actor,
    password: actor.request.currentPassword,
    purpose: "change-execution-password",
  });
  throwUnlessVerified(outcome);
  const fields = await newPasswordViolations(db, services, "execution", actor.customerId, actor.request.newPassword);
  if (fields.length > 0) throw new AppError("validation_failed", 400, { fields });
  return storeNewPassword(db, "execution", actor, actor.request.newPassword);
}

/** ログインパスワード変更: a wrong current password is audited (the BFF throttles it). */
export async function changeLoginPassword(
  db: Db,
  services: CoreServices,
  actor: Actor & { request: ChangeLoginPasswordRequest },
): Promise<Date> {
  const ctx = await policyContext(db, actor.customerId);
  if (!(await verifyPassword(ctx.loginHash, actor.request.currentPassword))) {
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
  const fields = await newPasswordViolations(db, services, "login", actor.customerId, actor.request.newPassword);
  if (fields.length > 0) throw new AppError("validation_failed", 400, { fields });
  return storeNewPassword(db, "login", actor, actor.request.newPassword);
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

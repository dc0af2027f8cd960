import type { ChangeExecutionPasswordRequest, ChangeLoginPasswordRequest } from "@kakunin/contracts/credentials";
import type { FieldError } from "@kakunin/contracts/errors";
import { messageRef } from "@kakunin/contracts/message-ref";
import { checkPassword, type PasswordKind } from "@kakunin/password-policy/policy";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { customers, passwordHistory } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import { hashPassword, verifyPassword } from "../../lib/passwords.ts";
import type { CoreServices } from "../../lib/types.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { recordAudit } from "../audit.ts";
import { refuseIfStopped } from "../trading-stop.ts";
import { gateKeys } from "./gate-keys.ts";
import { type CredentialActor, throwUnlessVerified, verifyExecutionPassword } from "./verify-execution-password.ts";

/** What the password rules need to know of the customer, and the hashes a new password must not match. */
export async function policyContext(db: Db | Tx, customerId: string) {
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

/** The rules only core can check, as message ids (R36: worded in the reader's language). */
const coreOnlyMessages = {
  same_as_other_password: {
    login: "server.password.sameAsExecution",
    execution: "server.password.sameAsLogin",
  },
  reused_password: (n: number) => messageRef("server.password.reused", { count: n }),
} as const;

/**
 * Every rule for a new password: the policy package's rules (composition, customer code,
 * birth date, phone, sequences, repeats, common passwords), plus what only core can check
 * with stored hashes: the other kind's password and the last N passwords of this kind.
 */
export async function newPasswordViolations(
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
  actor: CredentialActor,
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
        name: customers.name,
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
    // Always mailed (R38), whatever メールサービス配信設定 says, committed with the change.
    await enqueueMail(tx, {
      customerId: actor.customerId,
      type: kind === "execution" ? "execution_password_changed" : "login_password_changed",
      data: { customerName: row.name, at: row.changedAt, origin: actor.client },
    });
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
  actor: CredentialActor & { request: ChangeExecutionPasswordRequest },
): Promise<Date> {
  await refuseIfStopped(db, services, { ...actor, action: "change_execution_password" });
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
  actor: CredentialActor & { request: ChangeLoginPasswordRequest },
): Promise<Date> {
  await refuseIfStopped(db, services, { ...actor, action: "change_login_password" });
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

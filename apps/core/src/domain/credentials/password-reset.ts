import { createHash, timingSafeEqual } from "node:crypto";
import type { ClientContext } from "@kakunin/contracts/core-api";
import type { CompletePasswordResetRequest, StartPasswordResetRequest } from "@kakunin/contracts/password-reset";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { authCodes, customers, passwordHistory } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import { hashPassword } from "../../lib/passwords.ts";
import type { CoreServices } from "../../lib/types.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { type AuditOutcome, recordAudit } from "../audit.ts";
import { startCoolingPeriod } from "../cooling-period.ts";
import { authCodeLimitReached, checkCodeEntry, issueAuthCode, liveCodeOf } from "../step-up/methods/auth-code.ts";
import { accountStoppedError } from "../trading-stop.ts";
import { gateKeys } from "./gate-keys.ts";
import { newPasswordViolations } from "./password-change.ts";

/**
 * ログインパスワードの再設定 (issue 15 part 7, decision 015). Core decides everything a reset
 * rests on (who the customer is, the code, the new password); the BFF throttles, hides
 * whether a customer matched, binds the reset to the browser and ends the sessions.
 */
export const PASSWORD_RESET_OPERATION = "password_reset";

/**
 * auth_codes binds a code to a digest of what it confirms; a reset confirms nothing beyond
 * itself (the BFF names the reset by its row id), so every reset code carries this one.
 */
const RESET_DIGEST = createHash("sha256").update(PASSWORD_RESET_OPERATION).digest("hex");

interface ResetActor {
  client: ClientContext;
  requestId?: string | undefined;
}

type Audit = (outcome: AuditOutcome, customerId: string | null, detail: Record<string, unknown>) => Promise<void>;

const auditFor =
  (db: Db | Tx, actor: ResetActor, subject: string | null): Audit =>
  (outcome, customerId, detail) =>
    recordAudit(db, {
      eventType: "password_reset",
      outcome,
      customerId,
      subject,
      client: actor.client,
      requestId: actor.requestId,
      detail,
    });

/** Birth dates compared without an early exit: both are 10 ASCII characters (YYYY-MM-DD). */
function sameDate(stored: string, typed: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(typed);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Step 1: お客様コード + 生年月日. On a match a code is mailed (always, to the first address);
 * answers null otherwise, audited with the reason, for the BFF to hide. A customer whose
 * trading is stopped gets no code: a stop blocks password changes (R33) until the operator
 * lifts it. The execution-password lock is no bar (it guards the execution password only).
 * Resends follow the 認証コード limits; past them the live code stays the one to use.
 */
export async function startPasswordReset(
  db: Db,
  services: CoreServices,
  actor: ResetActor & { request: StartPasswordResetRequest },
): Promise<{ id: string; expiresAt: Date } | null> {
  const { customerCode, birthDate } = actor.request;
  return db.transaction(async (tx) => {
    // The customer's row lock serialises resets (and the resend limits) per customer.
    const [customer] = await tx
      .select({
        id: customers.id,
        name: customers.name,
        birthDate: customers.birthDate,
        stoppedAt: customers.tradingStoppedAt,
      })
      .from(customers)
      .where(eq(customers.customerCode, customerCode))
      .for("update");
    const txAudit = auditFor(tx, actor, customerCode);
    if (!customer) {
      await txAudit("failure", null, { step: "start", reason: "unknown_customer" });
      return null;
    }
    if (!sameDate(customer.birthDate, birthDate)) {
      await txAudit("failure", customer.id, { step: "start", reason: "birth_date_mismatch" });
      return null;
    }
    if (customer.stoppedAt) {
      await txAudit("failure", customer.id, { step: "start", reason: "account_stopped" });
      return null;
    }
    const subject = { customerId: customer.id, operation: PASSWORD_RESET_OPERATION, digest: RESET_DIGEST };
    const limit = await authCodeLimitReached(tx, services, subject);
    if (limit) {
      const now = services.clock.now(customer.id);
      const [live] = await tx
        .select({ id: authCodes.id, expiresAt: authCodes.expiresAt })
        .from(authCodes)
        .where(and(liveCodeOf(subject), gt(authCodes.expiresAt, now)));
      await txAudit("throttled", customer.id, {
        step: "start",
        reason: limit.code,
        windowSeconds: limit.windowMs / 1000,
      });
      return live ?? null;
    }
    const issued = await issueAuthCode(tx, services, subject);
    const [to] = await enqueueMail(tx, {
      customerId: customer.id,
      type: "password_reset_code",
      data: { customerName: customer.name, code: issued.code, expiresAt: issued.expiresAt, origin: actor.client },
    });
    if (!to) {
      // No registered address: nowhere to send a code, so no reset (the phone remains).
      await txAudit("failure", customer.id, { step: "start", reason: "no_address" });
      return null;
    }
    await txAudit("success", customer.id, { step: "start" });
    return { id: issued.id, expiresAt: issued.expiresAt };
  });
}

const invalidCode = () => new AppError("password_reset_code_invalid", 422);

/**
 * Checks the entry against the reset's code under its row lock. A wrong entry counts and the
 * 5th voids the code; a right one is not used up here: the new password may still break a
 * rule, and the customer then corrects it with the same code.
 */
async function checkResetCode(db: Db, services: CoreServices, actor: ResetActor, resetId: string, entry: string) {
  return db.transaction(async (tx) => {
    const check = await checkCodeEntry(tx, services, {
      where: and(eq(authCodes.id, resetId), eq(authCodes.operation, PASSWORD_RESET_OPERATION)),
      entry,
      consume: false,
    });
    const audit = auditFor(tx, actor, null);
    // A start that matched nobody: its cookie names a reset that never existed.
    if (check.status === "none") await audit("failure", null, { step: "complete", reason: "unknown_reset" });
    else if (check.status === "spent") {
      await audit("failure", check.row.customerId, { step: "complete", reason: "code_not_live" });
    } else if (check.status === "expired") {
      await audit("failure", check.row.customerId, { step: "complete", reason: "auth_code_expired" });
    } else if (check.status === "wrong") {
      await audit("failure", check.row.customerId, { step: "complete", ...check.audit });
    }
    return check.status === "right" ? check.row.customerId : null;
  });
}

/**
 * Step 3: the code and the new ログインパスワード (R3 and the history, as in ログインパスワード変更).
 * The code is used up in the transaction that stores the password, its history, the audit
 * record and the mandatory mail, so a reset happens once even from parallel requests.
 */
export async function completePasswordReset(
  db: Db,
  services: CoreServices,
  actor: ResetActor & { resetId: string; request: CompletePasswordResetRequest },
): Promise<{ customerId: string; changedAt: Date }> {
  const { code, newPassword } = actor.request;
  const customerId = await checkResetCode(db, services, actor, actor.resetId, code);
  if (!customerId) throw invalidCode();
  const audit = auditFor(db, actor, null);
  return services.hashGate.exclusive(gateKeys.passwordChange(customerId), async (deadline) => {
    const fields = await newPasswordViolations(db, services, "login", customerId, newPassword, deadline);
    if (fields.length > 0) {
      await audit("failure", customerId, {
        step: "complete",
        reason: "password_policy",
        rules: fields.map((f) => f.reason),
      });
      throw new AppError("validation_failed", 400, { fields });
    }
    const hash = await services.hashGate.hash(() => hashPassword(newPassword), deadline);
    const outcome = await db.transaction(async (tx) => {
      const now = services.clock.now(customerId);
      const [consumed] = await tx
        .update(authCodes)
        .set({ consumedAt: now })
        .where(and(eq(authCodes.id, actor.resetId), liveCodeOf({ customerId, operation: PASSWORD_RESET_OPERATION })))
        .returning({ id: authCodes.id });
      // Another request used or voided the code since it was checked.
      if (!consumed) return { status: "invalid" as const };
      const [row] = await tx
        .update(customers)
        .set({ loginPasswordHash: hash, loginPasswordChangedAt: sql`now()` })
        .where(and(eq(customers.id, customerId), isNull(customers.tradingStoppedAt)))
        .returning({ name: customers.name, changedAt: customers.loginPasswordChangedAt });
      // Stopped since the code was mailed: a stop blocks password changes (R33).
      if (!row?.changedAt) return { status: "stopped" as const };
      await tx.insert(passwordHistory).values({ customerId, kind: "login", hash });
      await recordAudit(tx, {
        eventType: "password_reset",
        outcome: "success",
        customerId,
        client: actor.client,
        requestId: actor.requestId,
        detail: { step: "complete" },
      });
      // Whoever reset the password may not be the customer: as after a new device's login
      // (decision 013), destination changes wait and withdrawals need the code for a while.
      const coolingUntil = await startCoolingPeriod(tx, services, customerId, now, "password_reset");
      // Always mailed (R38), whatever メールサービス配信設定 says, committed with the reset.
      await enqueueMail(tx, {
        customerId,
        type: "login_password_reset",
        data: { customerName: row.name, at: row.changedAt, origin: actor.client, coolingUntil },
      });
      return { status: "reset" as const, changedAt: row.changedAt };
    });
    if (outcome.status === "invalid") {
      await audit("failure", customerId, { step: "complete", reason: "code_used_concurrently" });
      throw invalidCode();
    }
    if (outcome.status === "stopped") {
      await audit("failure", customerId, { step: "complete", reason: "account_stopped" });
      throw accountStoppedError(services);
    }
    return { customerId, changedAt: outcome.changedAt };
  });
}

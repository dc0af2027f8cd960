import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { ClientContext } from "@kakunin/contracts/core-api";
import { operationDigest } from "@kakunin/contracts/digest";
import { toFieldErrors } from "@kakunin/contracts/errors";
import { type StepUpMethod, type StepUpOperation, stepUpOperations } from "@kakunin/contracts/step-up";
import { type WithdrawalRequest, withdrawalRequestSchema } from "@kakunin/contracts/withdrawals";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { authCodes, customers } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { maskEmail } from "../mail/format.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { readMailSettings } from "../mail/settings.ts";
import { type AuditOutcome, recordAudit } from "./audit.ts";
import { activeBankAccount, describeBank } from "./bank-accounts.ts";
import { throwUnlessVerified, verifyExecutionPassword } from "./credentials/verify-execution-password.ts";
import { schedulePhase } from "./schedule.ts";

/** R13: a code is valid 10 minutes and void after 5 wrong entries. */
export const AUTH_CODE_TTL_MS = 10 * 60_000;
export const AUTH_CODE_MAX_WRONG_ENTRIES = 5;
/** Resend throttle per customer and operation: 1 a minute, 5 an hour. */
export const AUTH_CODE_LIMITS = [
  { windowMs: 60_000, max: 1 },
  { windowMs: 60 * 60_000, max: 5 },
] as const;

const THROTTLED_MESSAGE = "認証コードの送信回数が上限に達しました。しばらく時間をおいてから再度お試しください。";

interface Actor {
  customerId: string;
  client: ClientContext;
  requestId?: string | undefined;
}

interface Requirements {
  methods: StepUpMethod[];
  /** The mail setting that sends this operation's code, when the customer turned it on. */
  codeSetting: (typeof stepUpOperations)[StepUpOperation]["codeSetting"];
  /** Full address the code goes to (配信先), when a code is required. */
  codeAddress: string | null;
}

async function requireCustomer(db: Db | Tx, customerId: string) {
  const [row] = await db
    .select({ name: customers.name, lockedAt: customers.lockedAt })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  return row;
}

/**
 * What confirming `operation` needs at this customer's now: the 執行パスワード from
 * enforcement on (R6, R11); an 認証コード whenever the customer turned the operation's code
 * mail on (R13, R21), whatever the schedule, since the customer asked for it.
 */
async function requirementsOf(
  db: Db | Tx,
  services: CoreServices,
  customerId: string,
  operation: StepUpOperation,
): Promise<Requirements> {
  const methods: StepUpMethod[] = [];
  if (schedulePhase(services.settings, services.clock.now(customerId)) === "enforced") {
    methods.push("execution_password");
  }
  const { codeSetting } = stepUpOperations[operation];
  let codeAddress: string | null = null;
  if (codeSetting) {
    const { addresses, settings } = await readMailSettings(db, customerId);
    const setting = settings.find((s) => s.type === codeSetting);
    if (setting?.enabled) {
      methods.push("auth_code");
      // The same choice enqueueMail makes: the 配信先, else the first address.
      codeAddress = (addresses.find((a) => a.position === setting.destination) ?? addresses[0])?.address ?? null;
    }
  }
  return { methods, codeSetting: methods.includes("auth_code") ? codeSetting : null, codeAddress };
}

export async function stepUpRequirements(
  db: Db,
  services: CoreServices,
  customerId: string,
  operation: StepUpOperation,
): Promise<{ methods: StepUpMethod[]; codeDestination: string | null; locked: boolean }> {
  const { lockedAt } = await requireCustomer(db, customerId);
  const { methods, codeAddress } = await requirementsOf(db, services, customerId, operation);
  return { methods, codeDestination: codeAddress ? maskEmail(codeAddress) : null, locked: lockedAt !== null };
}

/**
 * HMAC-SHA256 of salt:code under a server key. A code has only 10^6 values: a plain hash in
 * a copied database could be reversed by trying them all within its 10 minutes; without
 * the key it cannot.
 */
function hashCode(services: CoreServices, salt: string, code: string): string {
  return services.secretBox.mac(`auth-code:${salt}:${code}`);
}

function codeMatches(services: CoreServices, row: { salt: string; codeHash: string }, code: string): boolean {
  const expected = Buffer.from(row.codeHash, "hex");
  const actual = Buffer.from(hashCode(services, row.salt, code), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const payloadError = (message: string) =>
  new AppError("validation_failed", 400, { fields: [{ path: "payload", message }] });

/**
 * The confirmed payload of an operation whose code mail must say what the code is for
 * (a withdrawal: amount and destination, R13). It must hash to the digest the code is bound
 * to, so the mail describes exactly what the code will confirm. Other operations ignore it.
 */
function describedPayload(
  operation: StepUpOperation,
  digest: string,
  payload: Record<string, unknown> | undefined,
): WithdrawalRequest | undefined {
  if (operation !== "withdrawal") return undefined;
  if (payload === undefined) throw payloadError("出金の内容が指定されていません。");
  if (operationDigest(operation, payload) !== digest) throw payloadError("出金の内容が確認内容と一致しません。");
  const parsed = withdrawalRequestSchema.safeParse(payload);
  if (!parsed.success) {
    throw new AppError("validation_failed", 400, {
      fields: toFieldErrors(parsed.error.issues).map((f) => ({ ...f, path: `payload.${f.path}` })),
    });
  }
  return parsed.data;
}

/**
 * Mails a 6-digit 認証コード (CSPRNG) for one operation, bound to `digest` (R13). Voids the
 * customer's previous live code for that operation; throttled per customer and operation.
 * The customer's row is locked for the issue, so parallel requests cannot both pass the
 * throttle. The code row, its mail (outbox) and the audit record commit together.
 * A withdrawal's code mail states the amount and the (masked) destination, taken from the
 * payload, which must match the digest and name the customer's current 出金先口座.
 * A locked customer gets no code for a confirmation that needs the 執行パスワード (R8): it
 * would be refused anyway, so nothing is mailed and the refusal is audited (423).
 */
export async function issueAuthCode(
  db: Db,
  services: CoreServices,
  actor: Actor & { operation: StepUpOperation; digest: string; payload?: Record<string, unknown> | undefined },
): Promise<{ destination: string; expiresAt: Date }> {
  const withdrawal = describedPayload(actor.operation, actor.digest, actor.payload);
  const audit = (tx: Db | Tx, outcome: AuditOutcome, detail: Record<string, unknown> = {}) =>
    recordAudit(tx, {
      eventType: "auth_code_issue",
      outcome,
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { operation: actor.operation, ...detail },
    });

  const result = await db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ name: customers.name, lockedAt: customers.lockedAt })
      .from(customers)
      .where(eq(customers.id, actor.customerId))
      .for("update");
    if (!customer) throw new AppError("not_found", 404);
    const now = services.clock.now(actor.customerId);
    const { methods, codeSetting, codeAddress } = await requirementsOf(tx, services, actor.customerId, actor.operation);
    // Returned, not thrown: the refusal's audit is recorded after the transaction, like the throttle's.
    if (customer.lockedAt && methods.includes("execution_password")) return { status: "locked" as const };
    // No code for this operation unless the customer asked for one (and has somewhere to get it).
    if (!codeSetting || !codeAddress) throw new AppError("forbidden", 409);
    const account = withdrawal ? await activeBankAccount(tx, actor.customerId) : undefined;
    if (withdrawal && account?.id !== withdrawal.bankAccountId) throw new AppError("bank_account_changed", 409);

    const longest = Math.max(...AUTH_CODE_LIMITS.map((l) => l.windowMs));
    const recent = await tx
      .select({ createdAt: authCodes.createdAt })
      .from(authCodes)
      .where(
        and(
          eq(authCodes.customerId, actor.customerId),
          eq(authCodes.operation, actor.operation),
          gt(authCodes.createdAt, new Date(now.getTime() - longest)),
        ),
      );
    const limit = AUTH_CODE_LIMITS.find(
      (l) => recent.filter((r) => r.createdAt.getTime() > now.getTime() - l.windowMs).length >= l.max,
    );
    if (limit) return { status: "throttled" as const, windowSeconds: limit.windowMs / 1000 };

    await tx
      .update(authCodes)
      .set({ voidedAt: now })
      .where(
        and(
          eq(authCodes.customerId, actor.customerId),
          eq(authCodes.operation, actor.operation),
          isNull(authCodes.consumedAt),
          isNull(authCodes.voidedAt),
        ),
      );
    const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
    const salt = randomBytes(16).toString("hex");
    const expiresAt = new Date(now.getTime() + AUTH_CODE_TTL_MS);
    await tx.insert(authCodes).values({
      customerId: actor.customerId,
      operation: actor.operation,
      digest: actor.digest,
      salt,
      codeHash: hashCode(services, salt, code),
      createdAt: now,
      expiresAt,
    });
    let to: string | undefined;
    if (codeSetting === "withdrawal_auth_code") {
      if (!withdrawal || !account) throw new Error("a withdrawal code needs its payload");
      [to] = await enqueueMail(tx, {
        customerId: actor.customerId,
        type: codeSetting,
        data: {
          customerName: customer.name,
          code,
          expiresAt,
          amount: withdrawal.amount,
          bank: describeBank(account),
          accountNumber: account.accountNumber,
        },
      });
    } else {
      [to] = await enqueueMail(tx, {
        customerId: actor.customerId,
        type: codeSetting,
        data: { customerName: customer.name, code, expiresAt, purpose: stepUpOperations[actor.operation].label },
      });
    }
    if (!to) throw new AppError("forbidden", 409);
    const destination = maskEmail(to);
    await audit(tx, "success", { destination });
    return { status: "issued" as const, destination, expiresAt };
  });

  if (result.status === "locked") {
    await audit(db, "refused_locked", { reason: "account_locked" });
    throw new AppError("account_locked", 423, { remainingAttempts: 0 });
  }
  if (result.status === "throttled") {
    await audit(db, "throttled", { windowSeconds: result.windowSeconds });
    throw new AppError("rate_limited", 429, { message: THROTTLED_MESSAGE });
  }
  return { destination: result.destination, expiresAt: result.expiresAt };
}

type CodeOutcome = { status: "verified" } | { status: "expired" } | { status: "wrong"; remaining: number };

/**
 * Checks an 認証コード against the customer's live code for the operation, under a row lock
 * so a code is used once even by parallel requests. The code must match and must have been
 * issued for exactly this digest; a wrong entry counts, and the 5th voids the code.
 */
async function checkAuthCode(
  db: Db,
  services: CoreServices,
  actor: Actor & { operation: StepUpOperation; digest: string; code: string; methods: StepUpMethod[] },
): Promise<CodeOutcome> {
  return db.transaction(async (tx) => {
    const audit = (outcome: AuditOutcome, detail: Record<string, unknown> = {}) =>
      recordAudit(tx, {
        eventType: "step_up",
        outcome,
        customerId: actor.customerId,
        client: actor.client,
        requestId: actor.requestId,
        detail: { operation: actor.operation, methods: actor.methods, ...detail },
      });
    const [row] = await tx
      .select()
      .from(authCodes)
      .where(
        and(
          eq(authCodes.customerId, actor.customerId),
          eq(authCodes.operation, actor.operation),
          isNull(authCodes.consumedAt),
          isNull(authCodes.voidedAt),
        ),
      )
      .orderBy(desc(authCodes.createdAt))
      .limit(1)
      .for("update");
    const now = services.clock.now(actor.customerId);
    if (!row || now >= row.expiresAt) {
      await audit("failure", { reason: "auth_code_expired" });
      return { status: "expired" };
    }
    // Both checks always run; either failing is the same wrong entry.
    const matches = codeMatches(services, row, actor.code);
    if (!matches || row.digest !== actor.digest) {
      const attempts = row.attempts + 1;
      const voidNow = attempts >= AUTH_CODE_MAX_WRONG_ENTRIES;
      await tx
        .update(authCodes)
        .set({ attempts, ...(voidNow ? { voidedAt: now } : {}) })
        .where(eq(authCodes.id, row.id));
      await audit("failure", {
        reason: matches ? "digest_mismatch" : "wrong_auth_code",
        attempt: attempts,
        ...(voidNow ? { voided: true } : {}),
      });
      return voidNow ? { status: "expired" } : { status: "wrong", remaining: AUTH_CODE_MAX_WRONG_ENTRIES - attempts };
    }
    await tx.update(authCodes).set({ consumedAt: now }).where(eq(authCodes.id, row.id));
    await audit("success");
    return { status: "verified" };
  });
}

/**
 * Verifies the confirmation of one operation (R6, R13, R26): the requirements at this
 * instant; the 執行パスワード through the one lock counter (R8, R16), then the 認証コード.
 * An incomplete submission is refused before anything is evaluated, so it costs no try.
 */
export async function verifyStepUp(
  db: Db,
  services: CoreServices,
  actor: Actor & {
    operation: StepUpOperation;
    digest: string;
    executionPassword?: string | undefined;
    authCode?: string | undefined;
  },
): Promise<void> {
  await requireCustomer(db, actor.customerId);
  const { methods } = await requirementsOf(db, services, actor.customerId, actor.operation);
  const audit = (outcome: AuditOutcome, detail: Record<string, unknown> = {}) =>
    recordAudit(db, {
      eventType: "step_up",
      outcome,
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { operation: actor.operation, methods, ...detail },
    });

  const needsPassword = methods.includes("execution_password");
  const needsCode = methods.includes("auth_code");
  if (needsPassword && actor.executionPassword === undefined) {
    throw new AppError("validation_failed", 400, {
      fields: [{ path: "executionPassword", message: "執行パスワードを入力してください。" }],
    });
  }
  if (needsCode && actor.authCode === undefined) throw new AppError("auth_code_required", 400);

  if (needsPassword && actor.executionPassword !== undefined) {
    const outcome = await verifyExecutionPassword(db, services.hashGate, {
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      password: actor.executionPassword,
      purpose: actor.operation,
    });
    if (outcome.status !== "verified") {
      const locked = outcome.status === "locked" || outcome.lockedNow;
      await audit(outcome.status === "locked" ? "refused_locked" : "failure", {
        reason: locked ? "account_locked" : "wrong_execution_password",
      });
      throwUnlessVerified(outcome);
    }
  }

  if (needsCode && actor.authCode !== undefined) {
    const outcome = await checkAuthCode(db, services, { ...actor, code: actor.authCode, methods });
    if (outcome.status === "expired") throw new AppError("auth_code_expired", 410);
    if (outcome.status === "wrong") {
      throw new AppError("wrong_auth_code", 422, { remainingCodeAttempts: outcome.remaining });
    }
    return;
  }
  await audit("success");
}

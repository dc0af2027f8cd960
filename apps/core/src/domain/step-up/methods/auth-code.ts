import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { messageRef } from "@kakunin/contracts/message-ref";
import { stepUpOperations } from "@kakunin/contracts/step-up";
import { formatJstTime } from "@kakunin/format/jst";
import { and, desc, eq, gt, isNull, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client.ts";
import { authCodes } from "../../../db/schema.ts";
import { AppError } from "../../../lib/errors.ts";
import type { CoreServices } from "../../../lib/types.ts";
import { maskEmail } from "../../../mail/format.ts";
import { readMailSettings } from "../../../mail/settings.ts";
import { type AuditOutcome, recordAudit } from "../../audit.ts";
import { coolingUntil } from "../../cooling-period.ts";
import { codeMailFor } from "../../operation-code-mails.ts";
import type { StepUpMethod, VerifyContext } from "../method.ts";

/** R13: a code is valid 10 minutes and void after 5 wrong entries. */
export const AUTH_CODE_TTL_MS = 10 * 60_000;
export const AUTH_CODE_MAX_WRONG_ENTRIES = 5;
/** Resend throttle per customer and operation: 1 a minute, 5 an hour, each refused with its own code. */
export const AUTH_CODE_LIMITS = [
  { windowMs: 60_000, max: 1, code: "auth_code_resend_too_soon" },
  { windowMs: 60 * 60_000, max: 5, code: "auth_code_resend_limit" },
] as const;

/** Each throttle's message with the time a new code may be sent (the code's own message, then when). */
const resendAtMessages: Record<(typeof AUTH_CODE_LIMITS)[number]["code"], string> = {
  auth_code_resend_too_soon: "server.authCode.resendTooSoonAt",
  auth_code_resend_limit: "server.authCode.resendLimitAt",
};

/**
 * HMAC-SHA256 of salt:code under a server key. A code has only 10^6 values: a plain hash in
 * a copied database could be reversed by trying them all within its 10 minutes; without
 * the key it cannot.
 */
export function hashCode(services: CoreServices, salt: string, code: string): string {
  return services.secretBox.mac(`auth-code:${salt}:${code}`);
}

export function codeMatches(services: CoreServices, row: { salt: string; codeHash: string }, code: string): boolean {
  const expected = Buffer.from(row.codeHash, "hex");
  const actual = Buffer.from(hashCode(services, row.salt, code), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The customer's code for the operation that is neither used nor void (at most one). */
export const liveCodeOf = (ctx: { customerId: string; operation: string }) =>
  and(
    eq(authCodes.customerId, ctx.customerId),
    eq(authCodes.operation, ctx.operation),
    isNull(authCodes.consumedAt),
    isNull(authCodes.voidedAt),
  );

interface CodeSubject {
  customerId: string;
  operation: string;
  digest: string;
}

/**
 * The resend limit (AUTH_CODE_LIMITS) this customer and operation have reached, if any, and
 * when a new code may be sent (`retryAt`: once every reached limit has room again).
 * Callers hold the customer's row lock, so parallel requests cannot both pass.
 */
export async function authCodeLimitReached(tx: Tx, services: CoreServices, ctx: CodeSubject) {
  const now = services.clock.now(ctx.customerId);
  const longest = Math.max(...AUTH_CODE_LIMITS.map((l) => l.windowMs));
  const recent = await tx
    .select({ createdAt: authCodes.createdAt })
    .from(authCodes)
    .where(
      and(
        eq(authCodes.customerId, ctx.customerId),
        eq(authCodes.operation, ctx.operation),
        gt(authCodes.createdAt, new Date(now.getTime() - longest)),
      ),
    )
    .orderBy(desc(authCodes.createdAt));
  const inWindow = (l: (typeof AUTH_CODE_LIMITS)[number]) =>
    recent.filter((r) => r.createdAt.getTime() > now.getTime() - l.windowMs);
  const reached = AUTH_CODE_LIMITS.filter((l) => inWindow(l).length >= l.max);
  const limit = reached[0];
  if (!limit) return undefined;
  // The max-th newest code in a window leaves it at createdAt + window; then one more fits.
  const retryAt = Math.max(...reached.map((l) => (inWindow(l)[l.max - 1]?.createdAt.getTime() ?? 0) + l.windowMs));
  return { ...limit, retryAt: new Date(retryAt) };
}

/**
 * The live code for this very confirmation (same operation and digest) that is still within
 * its 10 minutes: what the customer should enter when no new code may be sent yet (issue 17 B1).
 */
async function liveCodeFor(tx: Tx, services: CoreServices, ctx: CodeSubject) {
  const now = services.clock.now(ctx.customerId);
  const [row] = await tx
    .select({ createdAt: authCodes.createdAt, expiresAt: authCodes.expiresAt })
    .from(authCodes)
    .where(and(liveCodeOf(ctx), eq(authCodes.digest, ctx.digest), gt(authCodes.expiresAt, now)));
  return row;
}

/**
 * Makes a new 6-digit code (CSPRNG) for the customer and operation, bound to `digest`, and
 * voids the live one before it; only its keyed hash is stored. The caller mails the code in
 * the same transaction. Shared by the step-up method and the password reset (decision 015).
 */
export async function issueAuthCode(tx: Tx, services: CoreServices, ctx: CodeSubject) {
  const now = services.clock.now(ctx.customerId);
  await tx.update(authCodes).set({ voidedAt: now }).where(liveCodeOf(ctx));
  const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
  const salt = randomBytes(16).toString("hex");
  const expiresAt = new Date(now.getTime() + AUTH_CODE_TTL_MS);
  const [row] = await tx
    .insert(authCodes)
    .values({
      customerId: ctx.customerId,
      operation: ctx.operation,
      digest: ctx.digest,
      salt,
      codeHash: hashCode(services, salt, code),
      createdAt: now,
      expiresAt,
    })
    .returning({ id: authCodes.id });
  if (!row) throw new Error("auth code was not stored");
  return { id: row.id, code, expiresAt };
}

/** A checked code as the caller answers it (a voided code is as good as expired). */
export type CodeOutcome = { status: "verified" } | { status: "expired" } | { status: "wrong"; remaining: number };

/** What `checkCodeEntry` found; `row` is the code it locked. */
export type CodeEntryCheck =
  | { status: "none" }
  | { status: "spent" | "expired"; row: AuthCodeRow }
  | { status: "wrong"; row: AuthCodeRow; audit: WrongEntryAudit; voided: boolean; remaining: number }
  | { status: "right"; row: AuthCodeRow; now: Date };

type AuthCodeRow = typeof authCodes.$inferSelect;
interface WrongEntryAudit {
  reason: string;
  attempt: number;
  voided?: true;
}

/**
 * The one check of an entered 認証コード (step-up, new-device login, password reset): locks the
 * newest code `where` picks (FOR UPDATE, so a code is used once even by parallel requests),
 * then it must be live, unexpired, match (constant time) and, when `boundTo` is given, have
 * been issued for exactly that digest. A wrong entry counts and the 5th voids the code; both
 * checks always run and either failing is the same wrong entry (`boundElsewhere` names the
 * audit reason when only the binding failed). With `consume` a right entry is used up here.
 */
export async function checkCodeEntry(
  tx: Tx,
  services: CoreServices,
  check: { where: SQL | undefined; entry: string; boundTo?: string; boundElsewhere?: string; consume: boolean },
): Promise<CodeEntryCheck> {
  const [row] = await tx
    .select()
    .from(authCodes)
    .where(check.where)
    .orderBy(desc(authCodes.createdAt))
    .limit(1)
    .for("update");
  if (!row) return { status: "none" };
  if (row.consumedAt || row.voidedAt) return { status: "spent", row };
  const now = services.clock.now(row.customerId);
  if (now >= row.expiresAt) return { status: "expired", row };
  const matches = codeMatches(services, row, check.entry);
  if (!matches || (check.boundTo !== undefined && row.digest !== check.boundTo)) {
    const attempts = row.attempts + 1;
    const voided = attempts >= AUTH_CODE_MAX_WRONG_ENTRIES;
    await tx
      .update(authCodes)
      .set({ attempts, ...(voided ? { voidedAt: now } : {}) })
      .where(eq(authCodes.id, row.id));
    const reason = matches ? (check.boundElsewhere ?? "digest_mismatch") : "wrong_auth_code";
    return {
      status: "wrong",
      row,
      audit: { reason, attempt: attempts, ...(voided ? { voided: true as const } : {}) },
      voided,
      remaining: AUTH_CODE_MAX_WRONG_ENTRIES - attempts,
    };
  }
  if (check.consume) await tx.update(authCodes).set({ consumedAt: now }).where(eq(authCodes.id, row.id));
  return { status: "right", row, now };
}

/** A step-up's 認証コード for the operation, checked against its live code and digest. */
async function checkAuthCode(
  db: Db,
  services: CoreServices,
  ctx: VerifyContext & { entry: string },
): Promise<CodeOutcome> {
  return db.transaction(async (tx) => {
    const audit = (outcome: AuditOutcome, detail: Record<string, unknown> = {}) =>
      recordAudit(tx, {
        eventType: "step_up",
        outcome,
        customerId: ctx.customerId,
        client: ctx.client,
        requestId: ctx.requestId,
        detail: { operation: ctx.operation, methods: ctx.methods, ...detail },
      });
    const check = await checkCodeEntry(tx, services, {
      where: liveCodeOf(ctx),
      entry: ctx.entry,
      boundTo: ctx.digest,
      consume: true,
    });
    if (check.status === "wrong") {
      await audit("failure", { ...check.audit });
      return check.voided ? { status: "expired" } : { status: "wrong", remaining: check.remaining };
    }
    if (check.status !== "right") {
      await audit("failure", { reason: "auth_code_expired" });
      return { status: "expired" };
    }
    await audit("success");
    return { status: "verified" };
  });
}

/**
 * The 認証コード (R13, R21): a 6-digit code (CSPRNG) mailed for one operation and bound to the
 * digest of what is confirmed; required whenever the customer turned the operation's code
 * mail on, whatever the schedule, since the customer asked for it. An operation whose
 * `codeSetting` is `always` (a passkey's registration or deletion) needs it from every
 * customer, and no other method replaces it there (`mandatory`): registering a passkey must
 * prove the mailbox as well as the password.
 */
export const authCode: StepUpMethod = {
  name: "auth_code",

  async required(db, services, customerId, operation) {
    const { codeSetting } = stepUpOperations[operation];
    if (!codeSetting) return null;
    const { addresses, settings } = await readMailSettings(db, customerId);
    // Issue 15: during the cooling period after a login from a new device, a withdrawal needs
    // the code whatever the customer's setting, mailed where mandatory mail goes (unless the
    // customer's 配信先 applies because the setting is on).
    const codeMail = settings.find((s) => s.type === codeSetting);
    if (operation === "withdrawal" && !codeMail?.enabled && (await coolingUntil(db, services, customerId))) {
      const first = addresses.find((a) => a.position === 1) ?? addresses[0];
      return first ? { destination: first.address } : {};
    }
    if (codeSetting === "always") {
      // The address a mandatory mail goes to (enqueueMail): the first registered one.
      const first = addresses.find((a) => a.position === 1) ?? addresses[0];
      return { mandatory: true, ...(first ? { destination: first.address } : {}) };
    }
    const setting = settings.find((s) => s.type === codeSetting);
    if (!setting?.enabled) return null;
    // The same choice enqueueMail makes: the 配信先, else the first address.
    const address = (addresses.find((a) => a.position === setting.destination) ?? addresses[0])?.address;
    return address ? { destination: address } : {};
  },

  /**
   * Mails a code for the operation, bound to the digest. Voids the customer's previous live
   * code for that operation; throttled per customer and operation (the caller holds the
   * customer's row lock, so parallel requests cannot both pass). The code row and its mail
   * (outbox) commit together.
   */
  async start(ctx) {
    const { tx, services } = ctx;
    // No code for this operation unless the customer has somewhere to get it.
    if (!ctx.requirement.destination) throw new AppError("forbidden", 409);
    const mailer = await codeMailFor(ctx.operation)(tx, { ...ctx, customerName: ctx.customer.name });

    const limit = await authCodeLimitReached(tx, services, ctx);
    if (limit) {
      // Issue 17 B1: the confirmation opened again (e.g. after 戻る) within the minute: the code
      // already mailed for exactly this payload still works, so it is the answer, not a refusal.
      const live = await liveCodeFor(tx, services, ctx);
      if (live) {
        return {
          status: "sent",
          destination: maskEmail(ctx.requirement.destination),
          expiresAt: live.expiresAt,
          reused: { sentAt: live.createdAt, resendAt: limit.retryAt },
        };
      }
      const retryAt = limit.retryAt;
      return {
        status: "refused",
        outcome: "throttled",
        detail: { windowSeconds: limit.windowMs / 1000 },
        raise: () => {
          throw new AppError(limit.code, 429, {
            retryAt: retryAt.toISOString(),
            message: messageRef(resendAtMessages[limit.code], { time: formatJstTime(retryAt) }),
          });
        },
      };
    }

    const { code, expiresAt } = await issueAuthCode(tx, services, ctx);
    const [to] = await mailer(code, expiresAt);
    if (!to) throw new AppError("forbidden", 409);
    return { status: "sent", destination: maskEmail(to), expiresAt };
  },

  missing: () => new AppError("auth_code_required", 400),

  async verify(ctx) {
    const { entry } = ctx;
    if (typeof entry !== "string") throw this.missing();
    const outcome = await checkAuthCode(ctx.db, ctx.services, { ...ctx, entry });
    if (outcome.status === "expired") throw new AppError("auth_code_expired", 410);
    if (outcome.status === "wrong") {
      throw new AppError("wrong_auth_code", 422, { remainingCodeAttempts: outcome.remaining });
    }
    return { auditedSuccess: true };
  },
};

import type { ClientContext } from "@kakunin/contracts/core-api";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { authCodes, customers, knownDevices } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { maskEmail } from "../mail/format.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { readMailSettings } from "../mail/settings.ts";
import { recordAudit } from "./audit.ts";
import { startCoolingPeriod } from "./cooling-period.ts";
import {
  authCodeLimitReached,
  type CodeOutcome,
  checkCodeEntry,
  issueAuthCode,
  liveCodeOf,
} from "./step-up/methods/auth-code.ts";

/**
 * New-device detection (issue 15, decision 013). A device is the BFF's hash of its device
 * cookie; a password login from one the customer never used needs a 認証コード (the same
 * auth_codes rows and rules as a step-up's: 10 minutes, 5 wrong entries, resend limits),
 * bound to that device hash so it completes that device's login only.
 */
export const NEW_DEVICE_OPERATION = "new_device_login";

type Actor = { client: ClientContext; requestId?: string | undefined };

export async function isKnownDevice(db: Db | Tx, customerId: string, deviceHash: string): Promise<boolean> {
  const [row] = await db
    .select({ customerId: knownDevices.customerId })
    .from(knownDevices)
    .where(and(eq(knownDevices.customerId, customerId), eq(knownDevices.deviceHash, deviceHash)));
  return row !== undefined;
}

/** Remembers the device (or refreshes when it was last seen); answers whether it was new. */
export async function rememberDevice(tx: Db | Tx, customerId: string, deviceHash: string, now: Date) {
  const [row] = await tx
    .insert(knownDevices)
    .values({ customerId, deviceHash, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({
      target: [knownDevices.customerId, knownDevices.deviceHash],
      set: { lastSeenAt: sql`excluded.last_seen_at` },
    })
    .returning({ firstSeenAt: knownDevices.firstSeenAt });
  return row?.firstSeenAt.getTime() === now.getTime();
}

/**
 * Everything a completed login from a new device does besides the login record, in the
 * login's transaction: the device becomes known, 「新しい端末からのログイン」 is mailed
 * (always) and the cooling period starts.
 */
export async function welcomeNewDevice(
  tx: Tx,
  services: CoreServices,
  customer: { id: string; name: string },
  deviceHash: string,
  client: ClientContext,
): Promise<void> {
  const now = services.clock.now(customer.id);
  await rememberDevice(tx, customer.id, deviceHash, now);
  const coolingUntil = await startCoolingPeriod(tx, services, customer.id, now);
  await enqueueMail(tx, {
    customerId: customer.id,
    type: "new_device_login",
    data: { customerName: customer.name, at: now, origin: client, coolingUntil },
  });
}

const liveCode = (customerId: string) => liveCodeOf({ customerId, operation: NEW_DEVICE_OPERATION });

/**
 * Mails the 認証コード of a login from a new device (after the password verified), under the
 * customer's row lock so parallel logins cannot both pass the resend limit. A login repeated
 * within the minute keeps the code already mailed to the same device (nothing new is sent);
 * past the hourly limit the login is refused (429). Answers the masked address.
 */
export async function issueNewDeviceCode(
  db: Db,
  services: CoreServices,
  actor: Actor & { customer: { id: string; name: string }; deviceHash: string },
): Promise<{ codeSentTo: string }> {
  const customerId = actor.customer.id;
  const result = await db.transaction(async (tx) => {
    await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for("update");
    const subject = { customerId, operation: NEW_DEVICE_OPERATION, digest: actor.deviceHash };
    const limit = await authCodeLimitReached(tx, services, subject);
    const [live] = await tx.select({ digest: authCodes.digest }).from(authCodes).where(liveCode(customerId));
    const { address } = await firstAddress(tx, customerId);
    if (limit?.code === "auth_code_resend_too_soon" && live?.digest === actor.deviceHash && address) {
      return { status: "kept" as const, codeSentTo: maskEmail(address) };
    }
    if (limit) return { status: "throttled" as const, code: limit.code, windowMs: limit.windowMs };
    const { code, expiresAt } = await issueAuthCode(tx, services, subject);
    const [to] = await enqueueMail(tx, {
      customerId,
      type: "new_device_login_code",
      data: { customerName: actor.customer.name, code, expiresAt, origin: actor.client },
    });
    // A customer with no address cannot receive the code: the login cannot complete (support).
    if (!to) throw new AppError("forbidden", 409);
    await recordAudit(tx, {
      eventType: "new_device_code_issue",
      outcome: "success",
      customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { destination: maskEmail(to) },
    });
    return { status: "sent" as const, codeSentTo: maskEmail(to) };
  });
  if (result.status === "throttled") {
    await recordAudit(db, {
      eventType: "new_device_code_issue",
      outcome: "throttled",
      customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { windowSeconds: result.windowMs / 1000 },
    });
    throw new AppError(result.code, 429);
  }
  return { codeSentTo: result.codeSentTo };
}

/** The address mandatory mail goes to (enqueueMail): the first registered one. */
async function firstAddress(tx: Tx, customerId: string) {
  const { addresses } = await readMailSettings(tx, customerId);
  return { address: (addresses.find((a) => a.position === 1) ?? addresses[0])?.address };
}

/**
 * Checks the code of a login from a new device under a row lock (used once even by parallel
 * requests): it must match and have been mailed for this very device; a wrong entry counts
 * and the 5th voids it. On success the login is completed by `complete` in the same
 * transaction, so a used code always leaves a login behind.
 */
export async function checkNewDeviceCode(
  db: Db,
  services: CoreServices,
  actor: Actor & { customerId: string; deviceHash: string; code: string },
  complete: (tx: Tx) => Promise<void>,
): Promise<CodeOutcome> {
  return db.transaction(async (tx) => {
    const audit = (outcome: "success" | "failure", detail: Record<string, unknown> = {}) =>
      recordAudit(tx, {
        eventType: "new_device_verification",
        outcome,
        customerId: actor.customerId,
        client: actor.client,
        requestId: actor.requestId,
        detail,
      });
    const check = await checkCodeEntry(tx, services, {
      where: liveCode(actor.customerId),
      entry: actor.code,
      boundTo: actor.deviceHash,
      boundElsewhere: "other_device",
      consume: true,
    });
    if (check.status === "wrong") {
      await audit("failure", { ...check.audit });
      return check.voided ? { status: "expired" } : { status: "wrong", remaining: check.remaining };
    }
    if (check.status !== "right") {
      await audit("failure", { reason: "device_verification_expired" });
      return { status: "expired" };
    }
    await audit("success");
    await complete(tx);
    return { status: "verified" };
  });
}

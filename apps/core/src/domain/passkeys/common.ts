import { createHash } from "node:crypto";
import type { ClientContext } from "@kakunin/contracts/core-api";
import type { PasskeyView } from "@kakunin/contracts/passkeys";
import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { customers, passkeyCredentials } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";

export interface PasskeyActor {
  customerId: string;
  client: ClientContext;
  requestId?: string | undefined;
}

export type PasskeyRow = typeof passkeyCredentials.$inferSelect;

export function toPasskeyView(row: PasskeyRow): PasskeyView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    synced: row.backedUp,
    suspended: row.suspendedAt !== null,
  };
}

export async function readPasskeys(db: Db | Tx, customerId: string): Promise<PasskeyView[]> {
  const rows = await db
    .select()
    .from(passkeyCredentials)
    .where(eq(passkeyCredentials.customerId, customerId))
    .orderBy(asc(passkeyCredentials.createdAt), asc(passkeyCredentials.id));
  return rows.map(toPasskeyView);
}

/** How many of the customer's passkeys can sign (not suspended): what the policy counts (issue 14). */
export async function usablePasskeyCount(db: Db | Tx, customerId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passkeyCredentials)
    .where(and(eq(passkeyCredentials.customerId, customerId), isNull(passkeyCredentials.suspendedAt)));
  return row?.n ?? 0;
}

/**
 * The challenge of a step-up's passkey assertion: derived from the BFF's nonce and the
 * operation digest, so the authenticator signs exactly what the customer confirmed and an
 * assertion for one withdrawal cannot confirm another. The options (assertion.ts) and the
 * verification (step-up method `passkey`) both use this one function.
 */
export function stepUpPasskeyChallenge(nonce: string, digest: string): string {
  const hash = createHash("sha256")
    .update("kakunin-step-up")
    .update(Buffer.from([0]))
    .update(nonce)
    .update(Buffer.from([0]))
    .update(digest)
    .digest();
  return isoBase64URL.fromBuffer(new Uint8Array(hash));
}

/** The customer's row, locked when `lock` (serialises every change to one customer's passkeys). */
export async function requireCustomer(db: Db | Tx, customerId: string, lock = false) {
  const query = db
    .select({ name: customers.name, customerCode: customers.customerCode })
    .from(customers)
    .where(eq(customers.id, customerId));
  const [customer] = lock ? await query.for("update") : await query;
  if (!customer) throw new AppError("not_found", 404);
  return customer;
}

/**
 * The WebAuthn user handle of a customer: the 16 bytes of the customer's UUID. It names the
 * account to a discoverable login without carrying personal data (WebAuthn forbids PII there).
 */
export function userHandleOf(customerId: string): Uint8Array<ArrayBuffer> {
  return isoUint8Array.fromHex(customerId.replaceAll("-", "")) as Uint8Array<ArrayBuffer>;
}

export const userHandleText = (customerId: string) => isoBase64URL.fromBuffer(userHandleOf(customerId));

/**
 * The BFF's challenge as bytes, so the options carry exactly the text the BFF keeps (the
 * library would otherwise encode a string challenge as UTF-8). Non-canonical base64url
 * would not survive the round trip, and is refused.
 */
export function challengeBytes(challenge: string): Uint8Array<ArrayBuffer> {
  const bytes = isoBase64URL.toBuffer(challenge) as Uint8Array<ArrayBuffer>;
  if (bytes.length < 16 || isoBase64URL.fromBuffer(bytes) !== challenge) {
    throw new AppError("validation_failed", 400, { fields: [{ path: "challenge", message: "challenge" }] });
  }
  return bytes;
}

/** What every response must match: our origins and RP ID, and user verification (never only asked for). */
export const relyingParty = (services: CoreServices) => ({
  expectedOrigin: services.webauthn.origins,
  expectedRPID: services.webauthn.rpId,
  requireUserVerification: true,
});

/**
 * Runs one of the library's verifications. It throws with its reason (challenge, origin,
 * RP ID, flags, signature…) and that reason goes into the audit trail, not to the client.
 */
export async function ceremonyOutcome<T>(
  verify: () => Promise<{ verified: boolean; info?: T | undefined }>,
): Promise<{ info: T; reason?: undefined } | { info?: undefined; reason: string }> {
  try {
    const result = await verify();
    return result.verified && result.info ? { info: result.info } : { reason: "not_verified" };
  } catch (err) {
    return { reason: err instanceof Error ? err.message.slice(0, 200) : "error" };
  }
}

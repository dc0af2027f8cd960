import type { ClientContext } from "@kakunin/contracts/core-api";
import type { PasskeyView } from "@kakunin/contracts/passkeys";
import { isoBase64URL, isoUint8Array } from "@simplewebauthn/server/helpers";
import { asc, eq } from "drizzle-orm";
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

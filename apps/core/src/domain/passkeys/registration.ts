import type { RegistrationResponse } from "@kakunin/contracts/passkeys";
import { PASSKEY_LIMIT, type PasskeyView } from "@kakunin/contracts/passkeys";
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import { count, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { passkeyCredentials } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { recordAudit } from "../audit.ts";
import { refuseIfStopped } from "../trading-stop.ts";
import {
  ceremonyOutcome,
  challengeBytes,
  type PasskeyActor,
  relyingParty,
  requireCustomer,
  toPasskeyView,
  userHandleOf,
} from "./common.ts";

/**
 * Creation options for a challenge the BFF generated and keeps (session-bound, single use):
 * a discoverable credential (passkey login names the customer), user verification required,
 * no attestation (we trust the RP ID binding, not the make of the authenticator), and the
 * customer's own passkeys excluded so one authenticator is not registered twice.
 */
export async function registrationOptions(db: Db, services: CoreServices, customerId: string, challenge: string) {
  const customer = await requireCustomer(db, customerId);
  const existing = await db
    .select({ credentialId: passkeyCredentials.credentialId, transports: passkeyCredentials.transports })
    .from(passkeyCredentials)
    .where(eq(passkeyCredentials.customerId, customerId));
  if (existing.length >= PASSKEY_LIMIT) throw new AppError("passkey_limit", 409);
  const { rpId, rpName } = services.webauthn;
  return generateRegistrationOptions({
    rpName,
    rpID: rpId,
    userID: userHandleOf(customerId),
    userName: customer.customerCode,
    userDisplayName: customer.name,
    challenge: challengeBytes(challenge),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
    authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
    timeout: 300_000,
  });
}

const verifyRegistration = (services: CoreServices, response: RegistrationResponse, expectedChallenge: string) =>
  ceremonyOutcome(async () => {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      ...relyingParty(services),
    });
    return { verified: result.verified, info: result.registrationInfo };
  });

/**
 * Registers a passkey: the response must sign the BFF's challenge, come from an allowed
 * origin, be bound to our RP ID and carry user verification. The count check and the insert
 * run under the customer's row lock, so parallel registrations store at most PASSKEY_LIMIT.
 * Audited whatever the outcome; パスキー登録通知 always goes out with the change.
 */
export async function registerPasskey(
  db: Db,
  services: CoreServices,
  actor: PasskeyActor & { response: RegistrationResponse; expectedChallenge: string; name: string },
): Promise<PasskeyView> {
  await refuseIfStopped(db, services, { ...actor, action: "register_passkey" });
  const audit = (outcome: "success" | "failure", detail: Record<string, unknown>) => ({
    eventType: "passkey_register" as const,
    outcome,
    customerId: actor.customerId,
    client: actor.client,
    requestId: actor.requestId,
    detail,
  });
  await requireCustomer(db, actor.customerId);
  const verified = await verifyRegistration(services, actor.response, actor.expectedChallenge);
  if (!verified.info) {
    await recordAudit(db, audit("failure", { reason: verified.reason }));
    throw new AppError("passkey_invalid", 422);
  }
  const { credential, credentialDeviceType, credentialBackedUp, aaguid } = verified.info;
  const outcome = await db.transaction(async (tx) => {
    const customer = await requireCustomer(tx, actor.customerId, true);
    const [held] = await tx
      .select({ n: count() })
      .from(passkeyCredentials)
      .where(eq(passkeyCredentials.customerId, actor.customerId));
    if ((held?.n ?? 0) >= PASSKEY_LIMIT) return { refused: "passkey_limit" as const };
    const [taken] = await tx
      .select({ id: passkeyCredentials.id })
      .from(passkeyCredentials)
      .where(eq(passkeyCredentials.credentialId, credential.id));
    if (taken) return { refused: "passkey_invalid" as const, reason: "credential_registered" };
    const [row] = await tx
      .insert(passkeyCredentials)
      .values({
        customerId: actor.customerId,
        credentialId: credential.id,
        publicKey: credential.publicKey,
        signCount: credential.counter,
        transports: credential.transports ?? [],
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        aaguid,
        name: actor.name,
        createdAt: services.clock.now(actor.customerId),
      })
      .returning();
    if (!row) throw new Error("passkey insert returned nothing");
    await recordAudit(tx, audit("success", { passkeyId: row.id, name: row.name, synced: row.backedUp, aaguid }));
    await enqueueMail(tx, {
      customerId: actor.customerId,
      type: "passkey_registered",
      data: { customerName: customer.name, at: row.createdAt, passkeyName: row.name, origin: actor.client },
    });
    return { row };
  });
  if (outcome.row) return toPasskeyView(outcome.row);
  await recordAudit(db, audit("failure", { reason: outcome.reason ?? outcome.refused }));
  throw outcome.refused === "passkey_limit" ? new AppError("passkey_limit", 409) : new AppError("passkey_invalid", 422);
}

import type { AuthenticationResponse } from "@kakunin/contracts/passkeys";
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import { decodeClientDataJSON } from "@simplewebauthn/server/helpers";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { passkeyCredentials } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { recordAudit } from "../audit.ts";
import {
  ceremonyOutcome,
  challengeBytes,
  type PasskeyActor,
  type PasskeyRow,
  relyingParty,
  requireCustomer,
  stepUpPasskeyChallenge,
  userHandleText,
} from "./common.ts";
import { registrationRequired } from "./policy.ts";

/**
 * Request options for the BFF's challenge. With a customer (step-up), only that customer's
 * usable passkeys are allowed, and a customer without one is told to register one
 * (passkey_registration_required) rather than sent to an authenticator that has nothing to
 * offer; without (login), the list is empty and the authenticator offers its discoverable
 * credentials for our RP ID. With a step-up's `digest`, `challenge` is the BFF's nonce and
 * the options carry the challenge derived from both, the one the verification expects.
 */
export async function authenticationOptions(
  db: Db,
  services: CoreServices,
  request: { challenge: string; customerId?: string | undefined; digest?: string | undefined },
) {
  // The nonce must be canonical base64url either way: the BFF keeps it as text.
  const nonce = challengeBytes(request.challenge);
  const challenge = request.digest ? challengeBytes(stepUpPasskeyChallenge(request.challenge, request.digest)) : nonce;
  let allowCredentials: { id: string; transports: string[] }[] = [];
  if (request.customerId) {
    await requireCustomer(db, request.customerId);
    allowCredentials = (
      await db
        .select({ id: passkeyCredentials.credentialId, transports: passkeyCredentials.transports })
        .from(passkeyCredentials)
        .where(and(eq(passkeyCredentials.customerId, request.customerId), isNull(passkeyCredentials.suspendedAt)))
    ).map((c) => ({ id: c.id, transports: c.transports }));
    if (allowCredentials.length === 0) throw registrationRequired();
  }
  return generateAuthenticationOptions({
    rpID: services.webauthn.rpId,
    challenge,
    allowCredentials: allowCredentials as Parameters<typeof generateAuthenticationOptions>[0]["allowCredentials"],
    userVerification: "required",
    timeout: 300_000,
  });
}

type Refusal = {
  code: "passkey_unknown" | "passkey_invalid" | "passkey_challenge_expired" | "passkey_suspended";
  reason: string;
};

/** The challenge the client signed, or null when clientDataJSON cannot be read. */
function signedChallenge(response: AuthenticationResponse): string | null {
  try {
    return decodeClientDataJSON(response.response.clientDataJSON).challenge;
  } catch {
    return null;
  }
}

const verifySignature = (
  services: CoreServices,
  row: PasskeyRow,
  response: AuthenticationResponse,
  expectedChallenge: string,
) =>
  ceremonyOutcome(async () => {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      ...relyingParty(services),
      // Counter 0 turns the library's own counter check off: ours runs after the signature
      // verified, so a forged low counter cannot suspend someone's passkey.
      credential: { id: row.credentialId, publicKey: row.publicKey, counter: 0, transports: [] },
    });
    return { verified: result.verified, info: result.authenticationInfo };
  });

/**
 * Verifies a passkey assertion for a challenge the BFF issued (login, or a step-up whose
 * challenge the BFF derived from the operation digest). Refused, with nothing changed:
 * a challenge other than the expected one (replayed or expired), an unknown or deleted
 * credential, another customer's credential (reported as unknown, audited as what it is),
 * a suspended one, a wrong origin or RP ID, no user verification, a bad signature. A sign
 * counter that did not advance on a device-bound credential means a possible clone: the
 * credential is suspended, the customer mailed, and the assertion refused. Every outcome
 * is audited.
 */
export async function verifyPasskeyAssertion(
  db: Db,
  services: CoreServices,
  request: Omit<PasskeyActor, "customerId"> & {
    response: AuthenticationResponse;
    expectedChallenge: string;
    customerId?: string | undefined;
  },
): Promise<{ customerId: string; passkeyId: string }> {
  const { response } = request;
  const fail = async (customerId: string | null, refusal: Refusal, passkeyId?: string): Promise<never> => {
    await recordAudit(db, {
      eventType: "passkey_assertion",
      outcome: "failure",
      customerId,
      client: request.client,
      requestId: request.requestId,
      detail: { reason: refusal.reason, credentialId: response.id, ...(passkeyId ? { passkeyId } : {}) },
    });
    throw new AppError(refusal.code, refusal.code === "passkey_suspended" ? 403 : 422);
  };
  const claimed = request.customerId ?? null;
  if (response.id !== response.rawId) return fail(claimed, { code: "passkey_invalid", reason: "id_mismatch" });
  const [row] = await db.select().from(passkeyCredentials).where(eq(passkeyCredentials.credentialId, response.id));
  if (!row) return fail(claimed, { code: "passkey_unknown", reason: "unknown_credential" });
  if (request.customerId && row.customerId !== request.customerId) {
    return fail(claimed, { code: "passkey_unknown", reason: "other_customers_credential" }, row.id);
  }
  // Checked before the signature so the customer reads why (the library's message is generic to us).
  if (signedChallenge(response) !== request.expectedChallenge) {
    return fail(row.customerId, { code: "passkey_challenge_expired", reason: "challenge_mismatch" }, row.id);
  }
  const userHandle = response.response.userHandle;
  if (userHandle !== undefined && userHandle !== userHandleText(row.customerId)) {
    return fail(row.customerId, { code: "passkey_invalid", reason: "user_handle_mismatch" }, row.id);
  }
  if (row.suspendedAt) return fail(row.customerId, { code: "passkey_suspended", reason: "suspended" }, row.id);
  const verified = await verifySignature(services, row, response, request.expectedChallenge);
  if (!verified.info) return fail(row.customerId, { code: "passkey_invalid", reason: verified.reason }, row.id);
  const { newCounter, credentialBackedUp } = verified.info;
  const now = services.clock.now(row.customerId);
  // The counter is checked and advanced under the row's lock (the customer's row first, the
  // order every passkey change takes): a clone racing the original with the same counter
  // cannot both pass — the second sees the first's counter and counts as a regression.
  const outcome = await db.transaction(async (tx) => {
    const customer = await requireCustomer(tx, row.customerId, true);
    const [current] = await tx.select().from(passkeyCredentials).where(eq(passkeyCredentials.id, row.id)).for("update");
    if (!current) return { refused: "passkey_unknown" as const, reason: "deleted" };
    if (current.suspendedAt) return { refused: "passkey_suspended" as const, reason: "suspended" };
    const counterWentBack = (current.signCount > 0 || newCounter > 0) && newCounter <= current.signCount;
    if (counterWentBack && current.deviceType === "singleDevice") {
      await suspendPossibleClone(
        tx,
        { ...request, customerId: row.customerId },
        customer.name,
        current,
        newCounter,
        now,
      );
      return { refused: "passkey_suspended" as const, reason: null };
    }
    await tx
      .update(passkeyCredentials)
      // Synced passkeys may report 0 or lag behind: keep the highest counter seen.
      .set({ signCount: Math.max(current.signCount, newCounter), backedUp: credentialBackedUp, lastUsedAt: now })
      .where(eq(passkeyCredentials.id, row.id));
    await recordAudit(tx, {
      eventType: "passkey_assertion",
      outcome: "success",
      customerId: row.customerId,
      client: request.client,
      requestId: request.requestId,
      detail: { passkeyId: row.id, ...(counterWentBack ? { counterNotAdvanced: newCounter } : {}) },
    });
    return { refused: null };
  });
  if (outcome.refused === "passkey_unknown") {
    return fail(claimed, { code: "passkey_unknown", reason: outcome.reason });
  }
  if (outcome.refused === "passkey_suspended") {
    // A clone's refusal was audited with the suspension; a row suspended meanwhile is audited here.
    if (!outcome.reason) throw new AppError("passkey_suspended", 403);
    return fail(row.customerId, { code: "passkey_suspended", reason: outcome.reason }, row.id);
  }
  return { customerId: row.customerId, passkeyId: row.id };
}

async function suspendPossibleClone(
  tx: Tx,
  actor: PasskeyActor,
  customerName: string,
  row: PasskeyRow,
  newCounter: number,
  now: Date,
) {
  await tx.update(passkeyCredentials).set({ suspendedAt: now }).where(eq(passkeyCredentials.id, row.id));
  await recordAudit(tx, {
    eventType: "passkey_assertion",
    outcome: "failure",
    customerId: actor.customerId,
    client: actor.client,
    requestId: actor.requestId,
    detail: { reason: "counter_regression", passkeyId: row.id, stored: row.signCount, received: newCounter },
  });
  await enqueueMail(tx, {
    customerId: actor.customerId,
    type: "passkey_suspended",
    data: { customerName, at: now, passkeyName: row.name, origin: actor.client },
  });
}

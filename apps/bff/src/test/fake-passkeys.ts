import { createHash, randomUUID } from "node:crypto";
import {
  coreRoutes,
  deletePasskeyCoreRequestSchema,
  passkeyAuthenticationOptionsRequestSchema,
  passkeyLoginCoreRequestSchema,
  passkeyRegistrationOptionsRequestSchema,
  registerPasskeyCoreRequestSchema,
  renamePasskeyCoreRequestSchema,
} from "@kakunin/contracts/core-api";
import { errorBody } from "@kakunin/contracts/error-body";
import type { Locale } from "@kakunin/contracts/locale";
import type {
  AuthenticationResponse,
  PasskeyStepUpCoreEntry,
  PasskeyView,
  RegistrationResponse,
} from "@kakunin/contracts/passkeys";
import type { Hono } from "hono";

const toHono = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");
const b64 = (text: string) => Buffer.from(text).toString("base64url");

/** The challenge a response signed, read from its clientDataJSON as core reads it. */
export function signedChallenge(response: { response: { clientDataJSON: string } }): string | undefined {
  try {
    const data: unknown = JSON.parse(Buffer.from(response.response.clientDataJSON, "base64url").toString("utf8"));
    return typeof data === "object" && data && "challenge" in data && typeof data.challenge === "string"
      ? data.challenge
      : undefined;
  } catch {
    return undefined;
  }
}

/** Core's step-up challenge: derived from the BFF's nonce and the operation digest (as core's `stepUpPasskeyChallenge`). */
export function stepUpPasskeyChallenge(nonce: string, digest: string): string {
  return createHash("sha256")
    .update("kakunin-step-up")
    .update(Buffer.from([0]))
    .update(nonce)
    .update(Buffer.from([0]))
    .update(digest)
    .digest("base64url");
}

/** A browser's AuthenticationResponseJSON over `challenge` with the passkey `credentialId` (signature not checked by the fake). */
export function fakeAssertion(challenge: string, credentialId = "Y3JlZC0x"): AuthenticationResponse {
  return {
    id: credentialId,
    rawId: credentialId,
    type: "public-key",
    response: {
      clientDataJSON: b64(JSON.stringify({ type: "webauthn.get", challenge, origin: "https://kakunin.test" })),
      authenticatorData: b64("authenticator-data"),
      signature: b64("signature"),
    },
    clientExtensionResults: {},
  };
}

/** A browser's RegistrationResponseJSON over `challenge` for a new credential. */
export function fakeRegistration(challenge: string, credentialId = "bmV3LWNyZWQ"): RegistrationResponse {
  return {
    id: credentialId,
    rawId: credentialId,
    type: "public-key",
    response: {
      clientDataJSON: b64(JSON.stringify({ type: "webauthn.create", challenge, origin: "https://kakunin.test" })),
      attestationObject: b64("attestation"),
      transports: ["internal"],
    },
    clientExtensionResults: {},
  };
}

interface FakeCredential {
  customerId: string;
  view: PasskeyView;
}

/**
 * Core's passkey routes for the fake core: accepts any response whose clientDataJSON signed
 * the expected challenge, and names the customer by the credential id (no cryptography).
 */
export function installFakePasskeys(
  app: Hono,
  customers: { id: string; customerCode: string; name: string; locale?: Locale }[],
) {
  const credentials = new Map<string, FakeCredential>([
    [
      "Y3JlZC0x",
      {
        customerId: customers[0]?.id ?? "",
        view: {
          id: "0b7c1f4e-1a2b-4c3d-8e9f-000000000001",
          name: "iPhone",
          createdAt: "2026-11-25T00:00:00.000Z",
          lastUsedAt: null,
          synced: true,
          suspended: false,
        },
      },
    ],
  ]);
  const calls = { registrationOptions: 0, register: 0, authenticationOptions: 0, login: 0, stepUpAssertions: 0 };
  /** What the BFF sent for each route, in order. */
  const bodies = {
    registrationOptions: [] as unknown[],
    authenticationOptions: [] as unknown[],
    login: [] as unknown[],
  };
  const of = (customerId: string) => [...credentials.values()].filter((x) => x.customerId === customerId);
  const list = (customerId: string) => ({ passkeys: of(customerId).map((x) => x.view) });

  app.post(toHono(coreRoutes.passkeyRegistrationOptions.path), async (c) => {
    const body = passkeyRegistrationOptionsRequestSchema.parse(await c.req.json());
    calls.registrationOptions++;
    bodies.registrationOptions.push(body);
    return c.json({
      challenge: body.challenge,
      rp: { id: "kakunin.test", name: "kakunin" },
      user: { id: "dXNlcg", name: c.req.param("customerId") ?? "", displayName: "山田 太郎" },
      pubKeyCredParams: [{ type: "public-key", alg: -7 }],
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
    });
  });
  app.post(toHono(coreRoutes.registerPasskey.path), async (c) => {
    const body = registerPasskeyCoreRequestSchema.parse(await c.req.json());
    calls.register++;
    if (signedChallenge(body.response) !== body.expectedChallenge) return c.json(errorBody("passkey_invalid"), 422);
    const view: PasskeyView = {
      id: randomUUID(),
      name: body.name,
      createdAt: "2026-12-03T00:00:00.000Z",
      lastUsedAt: null,
      synced: false,
      suspended: false,
    };
    credentials.set(body.response.id, { customerId: c.req.param("customerId") ?? "", view });
    return c.json(view);
  });
  app.get(toHono(coreRoutes.listPasskeys.path), (c) => c.json(list(c.req.param("customerId") ?? "")));
  const find = (customerId: string, passkeyId: string) =>
    [...credentials.entries()].find(([, x]) => x.customerId === customerId && x.view.id === passkeyId);
  app.patch(toHono(coreRoutes.renamePasskey.path), async (c) => {
    const body = renamePasskeyCoreRequestSchema.parse(await c.req.json());
    const found = find(c.req.param("customerId") ?? "", c.req.param("passkeyId") ?? "");
    if (!found) return c.json(errorBody("not_found"), 404);
    found[1].view = { ...found[1].view, name: body.name };
    return c.json(found[1].view);
  });
  app.post(toHono(coreRoutes.deletePasskey.path), async (c) => {
    deletePasskeyCoreRequestSchema.parse(await c.req.json());
    const found = find(c.req.param("customerId") ?? "", c.req.param("passkeyId") ?? "");
    if (!found) return c.json(errorBody("not_found"), 404);
    credentials.delete(found[0]);
    return c.json(list(c.req.param("customerId") ?? ""));
  });
  app.post(toHono(coreRoutes.passkeyAuthenticationOptions.path), async (c) => {
    const body = passkeyAuthenticationOptionsRequestSchema.parse(await c.req.json());
    calls.authenticationOptions++;
    bodies.authenticationOptions.push(body);
    const challenge = body.digest ? stepUpPasskeyChallenge(body.challenge, body.digest) : body.challenge;
    const allow = [...credentials.entries()]
      .filter(([, x]) => body.customerId !== undefined && x.customerId === body.customerId)
      .map(([id]) => ({ type: "public-key", id }));
    return c.json({ challenge, rpId: "kakunin.test", allowCredentials: allow, userVerification: "required" });
  });
  /** A login refused by the passkey, as core refuses one (unknown credential, wrong challenge). */
  const assertionRefusal = (response: AuthenticationResponse, expectedChallenge: string) => {
    if (signedChallenge(response) !== expectedChallenge) return "passkey_challenge_expired" as const;
    if (!credentials.has(response.id)) return "passkey_unknown" as const;
    return null;
  };
  app.post(toHono(coreRoutes.passkeyLogin.path), async (c) => {
    const body = passkeyLoginCoreRequestSchema.parse(await c.req.json());
    calls.login++;
    bodies.login.push(body);
    const refusal = assertionRefusal(body.response, body.expectedChallenge);
    if (refusal) return c.json(errorBody(refusal), 422);
    const customer = customers.find((x) => x.id === credentials.get(body.response.id)?.customerId);
    if (!customer) return c.json(errorBody("passkey_unknown"), 422);
    return c.json({
      customer: { id: customer.id, customerCode: customer.customerCode, name: customer.name },
      locale: customer.locale ?? "ja",
    });
  });

  /** The step-up's passkey check (core's verifyStepUp): null when the assertion is good. */
  const verifyStepUpPasskey = (customerId: string, entry: PasskeyStepUpCoreEntry | undefined, digest: string) => {
    if (!entry) return "passkey_required" as const;
    calls.stepUpAssertions++;
    const refusal = assertionRefusal(entry.response, stepUpPasskeyChallenge(entry.nonce, digest));
    if (refusal) return refusal;
    return credentials.get(entry.response.id)?.customerId === customerId ? null : ("passkey_unknown" as const);
  };

  return { credentials, calls, bodies, verifyStepUpPasskey };
}

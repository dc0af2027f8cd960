import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import type { AuthenticationResponse, RegistrationResponse } from "@kakunin/contracts/passkeys";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

/**
 * A software WebAuthn authenticator for core's tests: a P-256 key from node:crypto, `none`
 * attestation, and assertions signed as a real authenticator signs them (authenticatorData
 * ‖ SHA-256(clientDataJSON)). Every field a relying party checks can be bent, so tests can
 * show each refusal: the origin, the RP ID, the UV flag, the counter, the challenge.
 */
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

type CBORType = Parameters<typeof isoCBOR.encode>[0];
const b64url = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));
const sha256 = (data: Uint8Array | string) => new Uint8Array(createHash("sha256").update(data).digest());
const u32 = (n: number) => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
};

/** What one ceremony sends; the defaults are what a well-behaved platform authenticator sends. */
export interface CeremonyOptions {
  challenge: string;
  origin: string;
  rpId: string;
  userVerified?: boolean;
  /** Overrides the authenticator's counter for this ceremony (a clone replays an old value). */
  signCount?: number;
}

export class SoftAuthenticator {
  readonly credentialId = new Uint8Array(randomBytes(32));
  readonly privateKey;
  readonly publicJwk;
  /** Advances by one per assertion, as a device-bound authenticator's does; synced ones stay 0. */
  counter = 0;
  userHandle: Uint8Array | null = null;

  constructor(readonly kind: { synced: boolean } = { synced: false }) {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = createPrivateKey(pair.privateKey.export({ format: "pem", type: "pkcs8" }));
    this.publicJwk = pair.publicKey.export({ format: "jwk" });
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private flags(options: CeremonyOptions, extra = 0) {
    let flags = FLAG_UP | extra;
    if (options.userVerified !== false) flags |= FLAG_UV;
    if (this.kind.synced) flags |= FLAG_BE | FLAG_BS;
    return flags;
  }

  private coseKey(): Uint8Array {
    const { x, y } = this.publicJwk;
    if (!x || !y) throw new Error("P-256 public key without coordinates");
    return isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, isoBase64URL.toBuffer(x)],
        [-3, isoBase64URL.toBuffer(y)],
      ]),
    );
  }

  private clientData(type: "webauthn.create" | "webauthn.get", options: CeremonyOptions) {
    return new TextEncoder().encode(
      JSON.stringify({ type, challenge: options.challenge, origin: options.origin, crossOrigin: false }),
    );
  }

  /** navigator.credentials.create() with `none` attestation, as RegistrationResponseJSON. */
  register(options: CeremonyOptions & { userHandle?: Uint8Array }): RegistrationResponse {
    this.userHandle = options.userHandle ?? this.userHandle;
    const idLength = new Uint8Array([this.credentialId.length >> 8, this.credentialId.length & 0xff]);
    const authData = Buffer.concat([
      sha256(options.rpId),
      new Uint8Array([this.flags(options, FLAG_AT)]),
      u32(options.signCount ?? this.counter),
      new Uint8Array(16), // AAGUID: zeros, as `none` attestation allows
      idLength,
      this.credentialId,
      this.coseKey(),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, CBORType>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get(), as AuthenticationResponseJSON. */
  assert(options: CeremonyOptions): AuthenticationResponse {
    if (!this.kind.synced && options.signCount === undefined) this.counter += 1;
    const authData = Buffer.concat([
      sha256(options.rpId),
      new Uint8Array([this.flags(options)]),
      u32(options.signCount ?? (this.kind.synced ? 0 : this.counter)),
    ]);
    const clientData = this.clientData("webauthn.get", options);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientData)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(new Uint8Array(authData)),
        signature: b64url(new Uint8Array(signature)),
        ...(this.userHandle ? { userHandle: b64url(this.userHandle) } : {}),
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    };
  }
}

/** A challenge as the BFF makes one: 32 random bytes, base64url. */
export const newChallenge = () => b64url(new Uint8Array(randomBytes(32)));

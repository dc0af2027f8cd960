import { EncryptJWT, errors, jwtDecrypt } from "jose";

export interface CookieKey {
  /** Key id, written into each token so older keys keep working after a rotation. */
  id: string;
  /** 32 bytes for A256GCM. */
  secret: Uint8Array;
}

/**
 * Encrypted, authenticated cookie values (JWE compact, `dir` + A256GCM, via jose). The SPA
 * can neither read nor forge them. Keys rotate: the first key seals, every key opens.
 */
export class CookieBox {
  readonly #keys: ReadonlyMap<string, Uint8Array>;
  readonly #current: CookieKey;

  constructor(
    keys: readonly CookieKey[],
    private readonly now: () => number,
  ) {
    const [current] = keys;
    if (!current) throw new Error("at least one cookie key is required");
    for (const key of keys) if (key.secret.length !== 32) throw new Error(`cookie key ${key.id} must be 32 bytes`);
    this.#current = current;
    this.#keys = new Map(keys.map((k) => [k.id, k.secret]));
  }

  async seal(payload: Record<string, unknown>, expiresAtMs: number): Promise<string> {
    return new EncryptJWT(payload)
      .setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: this.#current.id })
      .setIssuedAt(Math.floor(this.now() / 1000))
      .setExpirationTime(Math.floor(expiresAtMs / 1000))
      .encrypt(this.#current.secret);
  }

  /** The payload, or null when the value is tampered, expired or sealed with an unknown key. */
  async open(token: string): Promise<Record<string, unknown> | null> {
    try {
      const { payload } = await jwtDecrypt(
        token,
        (header) => {
          const key = header.kid ? this.#keys.get(header.kid) : undefined;
          if (!key) throw new errors.JWEDecryptionFailed();
          return key;
        },
        {
          currentDate: new Date(this.now()),
          clockTolerance: 0,
          keyManagementAlgorithms: ["dir"],
          contentEncryptionAlgorithms: ["A256GCM"],
        },
      );
      return payload as Record<string, unknown>;
    } catch {
      return null;
    }
  }
}

/** Parses `kid:base64,kid:base64` (first = current) from configuration. */
export function parseCookieKeys(spec: string): CookieKey[] {
  return spec.split(",").map((entry) => {
    const [id, b64] = entry.trim().split(":");
    if (!id || !b64) throw new Error("cookie keys must look like kid:base64[,kid:base64…]");
    return { id, secret: new Uint8Array(Buffer.from(b64, "base64")) };
  });
}

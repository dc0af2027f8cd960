import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Authenticated encryption at rest (AES-256-GCM from node:crypto) for the few secrets core
 * must be able to show again, i.e. the initial execution password until it is changed.
 * Format: `v1.<iv>.<ciphertext>.<tag>` (base64url), so the key can be rotated later by version.
 */
export class SecretBox {
  readonly #key: Buffer;
  readonly #macKey: Buffer;
  constructor(keyBase64: string) {
    this.#key = Buffer.from(keyBase64, "base64");
    if (this.#key.length !== 32) throw new Error("encryption key must be 32 bytes (base64)");
    // A separate key for MACs, derived so one configured secret serves both purposes safely.
    this.#macKey = Buffer.from(hkdfSync("sha256", this.#key, Buffer.alloc(0), "kakunin mac v1", 32));
  }

  /** HMAC-SHA256 (hex) under the derived MAC key, e.g. for short one-time codes at rest. */
  mac(value: string): string {
    return createHmac("sha256", this.#macKey).update(value).digest("hex");
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return ["v1", iv, body, cipher.getAuthTag()]
      .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
      .join(".");
  }

  open(sealed: string): string {
    const [version, iv, body, tag] = sealed.split(".");
    if (version !== "v1" || !iv || !body || !tag) throw new Error("unknown sealed format");
    const decipher = createDecipheriv("aes-256-gcm", this.#key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  }
}

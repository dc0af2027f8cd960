import { createHmac, hkdfSync } from "node:crypto";

export { operationDigest } from "@kakunin/contracts/digest";

/**
 * The key step-up cookies are bound to their session with. It is derived from the core
 * service credential, a server secret that every BFF instance shares and no client sees,
 * and independent of STEP_UP_KEYS: were a cookie key ever known (as the demo key in the
 * repository once was), a forged cookie still could not name a session. Whoever holds the
 * service credential can call core directly anyway, so deriving from it exposes nothing new.
 */
export function stepUpBindingKey(serviceToken: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", serviceToken, new Uint8Array(0), "kakunin step-up session binding v1", 32));
}

/** Grants are bound to the session without putting its id into another cookie. */
export function sessionBinding(bindingKey: Uint8Array, sessionId: string): string {
  return createHmac("sha256", bindingKey).update(`step-up:${sessionId}`).digest("base64url");
}

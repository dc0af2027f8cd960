import { createHash } from "node:crypto";

export { operationDigest } from "@kakunin/contracts/digest";

/** Grants are bound to the session without putting its id into another cookie. */
export function sessionBinding(sessionId: string): string {
  return createHash("sha256").update(`step-up:${sessionId}`).digest("base64url");
}

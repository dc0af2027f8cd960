import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * The digest a step-up is bound to (R26): sha256 of the RFC 8785 canonical JSON of the
 * operation and exactly the fields the customer confirmed, so key order or whitespace never
 * matter and any changed field does.
 */
export function operationDigest(operation: string, payload: unknown): string {
  const canonical = canonicalize({ operation, payload });
  if (canonical === undefined) throw new Error("payload is not serialisable");
  return createHash("sha256").update(canonical).digest("hex");
}

/** Grants are bound to the session without putting its id into another cookie. */
export function sessionBinding(sessionId: string): string {
  return createHash("sha256").update(`step-up:${sessionId}`).digest("base64url");
}

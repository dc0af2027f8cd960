import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * The digest a step-up is bound to (R26), server-side only (node:crypto): sha256 of the
 * RFC 8785 canonical JSON of the operation and exactly the fields the customer confirmed,
 * so key order or whitespace never matter and any changed field does. The BFF binds
 * confirmations with it; core checks that a payload it is shown matches a digest.
 */
export function operationDigest(operation: string, payload: unknown): string {
  const canonical = canonicalize({ operation, payload });
  if (canonical === undefined) throw new Error("payload is not serialisable");
  return createHash("sha256").update(canonical).digest("hex");
}

import { operationDigest } from "@kakunin/contracts/digest";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client.ts";
import { requestKeys } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";

export type KeyedOperation = (typeof requestKeys.$inferInsert)["operation"];

/**
 * Claims a customer's idempotency key for one request, first thing in the operation's
 * transaction (R26). "new": the key was free, run the operation (the claim commits with it,
 * or rolls back with a refusal). "replay": this very request already committed, answer with
 * its result. The same key for another operation or another request is refused with 422
 * `idempotency_key_reused` — never answered with the earlier result, which would tell the
 * customer that something they did not ask for was done.
 *
 * A concurrent twin waits on the key's primary key until the first transaction ends, then
 * sees the committed claim (or, after a rollback, claims the key itself).
 *
 * The fingerprint is the operation digest of the request as validated (RFC 8785 canonical
 * JSON, so key order and spacing do not matter); it is a hash of non-secret data, so a plain
 * comparison is enough.
 */
export async function claimRequestKey(
  tx: Tx,
  claim: { customerId: string; requestKey: string; operation: KeyedOperation; request: unknown },
): Promise<"new" | "replay"> {
  const fingerprint = operationDigest(claim.operation, claim.request);
  const [claimed] = await tx
    .insert(requestKeys)
    .values({ customerId: claim.customerId, requestKey: claim.requestKey, operation: claim.operation, fingerprint })
    .onConflictDoNothing()
    .returning({ requestKey: requestKeys.requestKey });
  if (claimed) return "new";
  const [held] = await tx
    .select({ operation: requestKeys.operation, fingerprint: requestKeys.fingerprint })
    .from(requestKeys)
    .where(and(eq(requestKeys.customerId, claim.customerId), eq(requestKeys.requestKey, claim.requestKey)));
  if (!held) throw new Error("request key conflict without a row");
  // A key recorded before fingerprints (null) replays on the operation alone, as it did then.
  const same = held.operation === claim.operation && (held.fingerprint === null || held.fingerprint === fingerprint);
  if (!same) throw new AppError("idempotency_key_reused", 422);
  return "replay";
}

import type { RecordSessionEventRequest } from "@kakunin/contracts/core-api";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customers } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import { recordAudit } from "./audit.ts";

/**
 * Audits a logout a customer made from ログイン中の端末 (R32, R29). The sessions themselves
 * live in the BFF; this record is how an operator later sees that a customer ended other
 * devices' sessions (often the first sign they suspected misuse), from where and how many.
 */
export async function recordSessionEvent(
  db: Db,
  customerId: string,
  event: RecordSessionEventRequest,
  requestId: string | undefined,
): Promise<void> {
  const [row] = await db.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  await recordAudit(db, {
    eventType: "session_logout",
    // Nothing left to end (another tab ended it first) is still the customer's act, recorded as such.
    outcome: event.ended > 0 ? "success" : "noop",
    customerId,
    client: event.client,
    requestId,
    detail: { action: event.action, ended: event.ended },
  });
}

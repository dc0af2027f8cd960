import type { AuditEventView, OpsActionRequest } from "@kakunin/contracts/ops";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { auditEvents, customers } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { recordAudit } from "./audit.ts";
import { decideBankAccountChange } from "./bank-accounts.ts";
import { issueInitialExecutionPassword } from "./credentials/initial-password.ts";
import { findCustomerIdByCode } from "./customers.ts";

export const operatorClient = (req: OpsActionRequest) => ({ ipAddress: null, userAgent: `operator:${req.operator}` });

export async function requireId(db: Db, customerCode: string) {
  const id = await findCustomerIdByCode(db, customerCode);
  if (!id) throw new AppError("not_found", 404);
  return id;
}

/** Operator unlock after identity confirmation by phone (R8): clears the lock and the count, and mails it. */
export async function unlockCustomer(
  db: Db,
  services: CoreServices,
  customerCode: string,
  req: OpsActionRequest,
): Promise<"unlocked" | "was_not_locked"> {
  const customerId = await requireId(db, customerCode);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ name: customers.name, lockedAt: customers.lockedAt })
      .from(customers)
      .where(eq(customers.id, customerId))
      .for("update");
    const wasLocked = Boolean(row?.lockedAt);
    await tx
      .update(customers)
      // A locked account takes no reservations and its last one settled with the lock, so
      // any left in flight then were leaked by a crash; an unlocked one's are live.
      .set({ lockedAt: null, executionFailedAttempts: 0, ...(wasLocked ? { executionAttemptsInFlight: 0 } : {}) })
      .where(eq(customers.id, customerId));
    await recordAudit(tx, {
      eventType: "account_unlock",
      outcome: wasLocked ? "success" : "noop",
      customerId,
      subject: req.operator,
      client: operatorClient(req),
      detail: { operator: req.operator, ...(req.note ? { note: req.note } : {}) },
    });
    // ロック解除通知 (R38): always mailed, and only when a lock was lifted.
    if (row && wasLocked) {
      await enqueueMail(tx, {
        customerId,
        type: "account_unlocked",
        data: { customerName: row.name, at: services.clock.now(customerId) },
      });
    }
    return wasLocked ? "unlocked" : "was_not_locked";
  });
}

/** A new company-issued initial execution password, shown to the customer in お知らせ. */
export async function reissueInitialExecutionPassword(
  db: Db,
  services: CoreServices,
  customerCode: string,
  req: OpsActionRequest,
) {
  const customerId = await requireId(db, customerCode);
  await issueInitialExecutionPassword(db, services, customerId, { reissue: true });
  await recordAudit(db, {
    eventType: "initial_execution_password_reissue",
    outcome: "success",
    customerId,
    subject: req.operator,
    client: operatorClient(req),
    detail: { operator: req.operator, ...(req.note ? { note: req.note } : {}) },
  });
}

/**
 * 出金先口座変更 (R14): the operator applies (or rejects) the customer's pending request after
 * checking it; approval mails the 出金先口座変更通知. No pending request: `no_pending_request`.
 */
export async function decideBankAccountChangeByCode(
  db: Db,
  services: CoreServices,
  customerCode: string,
  decision: "approve" | "reject",
  req: OpsActionRequest,
) {
  const customerId = await requireId(db, customerCode);
  return decideBankAccountChange(db, services, {
    customerId,
    decision,
    operator: req.operator,
    note: req.note,
    client: operatorClient(req),
  });
}

export async function listAuditEvents(db: Db, customerCode: string, limit: number): Promise<AuditEventView[]> {
  const customerId = await requireId(db, customerCode);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.customerId, customerId))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    eventType: r.eventType,
    outcome: r.outcome,
    subject: r.subject,
    ipAddress: r.ipAddress,
    userAgent: r.userAgent,
    detail: r.detail,
  }));
}

import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { auditEvents, customers } from "../db/schema.ts";

/** The customer a login names by お客様コード, with the hash to verify; undefined for an unknown code. */
export async function findLoginCustomer(db: Db, customerCode: string) {
  const [customer] = await db
    .select({
      id: customers.id,
      customerCode: customers.customerCode,
      name: customers.name,
      hash: customers.loginPasswordHash,
    })
    .from(customers)
    .where(eq(customers.customerCode, customerCode));
  return customer;
}

/** ログイン履歴: the customer's latest login attempts from the audit trail, newest first. */
export async function loginHistory(db: Db, customerId: string, limit: number) {
  return db
    .select({
      at: auditEvents.occurredAt,
      outcome: auditEvents.outcome,
      ipAddress: auditEvents.ipAddress,
      userAgent: auditEvents.userAgent,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.customerId, customerId), eq(auditEvents.eventType, "login")))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}

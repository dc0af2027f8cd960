import type { ClientContext } from "@kakunin/contracts/core-api";
import { cursorKeys, PAGE_SIZES } from "@kakunin/contracts/pagination";
import { and, desc, eq, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { auditEvents, customers } from "../db/schema.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { recordAudit } from "./audit.ts";
import { afterPosition, microsOf, positionOf, toPage } from "./pagination.ts";

/** The customer a login names by お客様コード, with the hash to verify; undefined for an unknown code. */
export async function findLoginCustomer(db: Db, customerCode: string) {
  const [customer] = await db
    .select({
      id: customers.id,
      customerCode: customers.customerCode,
      name: customers.name,
      locale: customers.locale,
      hash: customers.loginPasswordHash,
    })
    .from(customers)
    .where(eq(customers.customerCode, customerCode));
  return customer;
}

/**
 * ログイン履歴: one page of the customer's login attempts from the audit trail, newest first.
 * Keyset on (occurred_at, id), served by the partial index audit_events_customer_logins, so
 * the customer's other audit events (orders, withdrawals…) are never read.
 */
export async function loginHistory(
  db: Db,
  customerId: string,
  page: { cursor?: string | undefined; limit?: number } = {},
) {
  const limit = page.limit ?? PAGE_SIZES.logins;
  const position = positionOf(page.cursor, cursorKeys.logins);
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.occurredAt,
      micros: microsOf(auditEvents.occurredAt),
      outcome: auditEvents.outcome,
      ipAddress: auditEvents.ipAddress,
      userAgent: auditEvents.userAgent,
      newDevice: sql<boolean>`coalesce((${auditEvents.detail} ->> 'newDevice')::boolean, false)`,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.customerId, customerId),
        eq(auditEvents.eventType, "login"),
        position ? afterPosition(auditEvents.occurredAt, auditEvents.id, position, "bigint") : undefined,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit + 1);
  const shown = toPage(rows, limit, (r) => ({ at: r.micros, key: String(r.id) }));
  return { entries: shown.rows, nextCursor: shown.nextCursor };
}

const SESSION_START_MARGIN_MS = 2_000;

/**
 * 前回ログイン (R42): the successful login before the one that started the current session.
 * The session began at `sessionStartedAt` (the BFF's clock, just after core recorded its
 * login), so the newest success up to then is the current session's own login and the one
 * before it is the previous; null on the first login. Later logins elsewhere are not "previous".
 * The margin absorbs the BFF's millisecond timestamps and a small skew between the clocks.
 */
export async function previousLogin(db: Db, customerId: string, sessionStartedAt: Date) {
  const currentBy = new Date(sessionStartedAt.getTime() + SESSION_START_MARGIN_MS);
  const rows = await db
    .select({
      at: auditEvents.occurredAt,
      ipAddress: auditEvents.ipAddress,
      userAgent: auditEvents.userAgent,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.customerId, customerId),
        eq(auditEvents.eventType, "login"),
        eq(auditEvents.outcome, "success"),
        lte(auditEvents.occurredAt, currentBy),
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(2);
  return rows[1];
}

/** How the customer proved the login; recorded in the audit detail (ログイン履歴 reads the audit trail). */
export type LoginMethod = "password" | "passkey";

/**
 * Records one login attempt (R29, ログイン履歴) and, on success, queues ログイン通知 (R4) when
 * the customer turned it on, in one transaction. Password and passkey logins both come here,
 * so both show in the history and both notify. `reason` says why a failure failed.
 */
export async function recordLogin(
  db: Db,
  attempt: {
    customer: { id: string; name: string } | undefined;
    subject: string | null;
    ok: boolean;
    method: LoginMethod;
    reason?: string;
    client: ClientContext;
    requestId?: string | undefined;
    /** Issue 15: the first login from this device (ログイン履歴 marks it 「新しい端末」). */
    newDevice?: boolean;
    /** More to do with a successful login, in its transaction (e.g. remember the device). */
    within?: (tx: Tx) => Promise<void>;
  },
): Promise<void> {
  const { customer, client } = attempt;
  // Given a transaction (a code check completing the login), this nests as a savepoint.
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      eventType: "login",
      outcome: attempt.ok ? "success" : "failure",
      customerId: customer?.id ?? null,
      subject: attempt.subject,
      client,
      requestId: attempt.requestId,
      detail: {
        method: attempt.method,
        ...(attempt.reason ? { reason: attempt.reason } : {}),
        ...(attempt.newDevice ? { newDevice: true } : {}),
      },
    });
    if (customer && attempt.ok && attempt.within) await attempt.within(tx);
    if (customer && attempt.ok) {
      await enqueueMail(tx, {
        customerId: customer.id,
        type: "login_notification",
        data: { customerName: customer.name, at: new Date(), ipAddress: client.ipAddress, userAgent: client.userAgent },
      });
    }
  });
}

import type { OutboxMessage } from "@kakunin/contracts/mail";
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { outbox } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";

/** Mail that needs an operator's eye: failed, or still pending after at least one failed try. */
export async function listStuckMail(db: Db): Promise<OutboxMessage[]> {
  const rows = await db
    .select()
    .from(outbox)
    .where(or(eq(outbox.status, "failed"), and(eq(outbox.status, "pending"), gt(outbox.attempts, 0))))
    .orderBy(asc(outbox.id))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    messageId: r.messageId,
    mailType: r.mailType as OutboxMessage["mailType"],
    toAddress: r.toAddress,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}

/** Puts a failed or deferred mail back in the queue, due now, with a fresh attempt budget. */
export async function retryMail(db: Db, id: number): Promise<void> {
  const [row] = await db
    .update(outbox)
    .set({ status: "pending", nextAttemptAt: sql`now()`, attempts: 0 })
    .where(and(eq(outbox.id, id), or(eq(outbox.status, "failed"), eq(outbox.status, "pending"))))
    .returning({ id: outbox.id });
  if (!row) throw new AppError("not_found", 404);
}

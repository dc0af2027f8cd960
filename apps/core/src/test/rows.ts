import { and, eq } from "drizzle-orm";
import { auditEvents, outbox } from "../db/schema.ts";
import type { createTestCore } from "./test-app.ts";

type Core = Pick<Awaited<ReturnType<typeof createTestCore>>, "db">;

/** The mail queued for a customer, oldest first: what an operation told them. */
export const mailsOf = (core: Core, customerId: string) =>
  core.db.select().from(outbox).where(eq(outbox.customerId, customerId)).orderBy(outbox.id);

/** A customer's audit records of one event type, oldest first. */
export const auditsOf = (core: Core, customerId: string, eventType: string) =>
  core.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.customerId, customerId), eq(auditEvents.eventType, eventType)))
    .orderBy(auditEvents.id);

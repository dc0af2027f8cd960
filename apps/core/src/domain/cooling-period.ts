import type { ClientContext } from "@kakunin/contracts/core-api";
import { formatJstDateTime } from "@kakunin/format/jst";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { coolingPeriods } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { recordAudit } from "./audit.ts";

/**
 * The cooling period (issue 15, decision 013): after a login from a new device (and, elsewhere,
 * a password reset) someone who may have stolen the password is kept from moving money out:
 * 出金先口座 changes are refused and withdrawals need the 認証コード until it ends.
 */
export type CoolingReason = "new_device" | "password_reset";

/**
 * Starts (or extends) the customer's cooling period: NEW_DEVICE_COOLING_HOURS from `now`. One
 * upsert, so two starts at once both end at the later instant and never shorten a period.
 * Answers when it ends.
 */
export async function startCoolingPeriod(
  tx: Db | Tx,
  services: CoreServices,
  customerId: string,
  now: Date,
  reason: CoolingReason = "new_device",
): Promise<Date> {
  const until = new Date(now.getTime() + services.newDevice.coolingHours * 3_600_000);
  const [row] = await tx
    .insert(coolingPeriods)
    .values({ customerId, until, reason })
    .onConflictDoUpdate({
      target: coolingPeriods.customerId,
      set: {
        until: sql`greatest(${coolingPeriods.until}, excluded.until)`,
        reason: sql`case when excluded.until > ${coolingPeriods.until} then excluded.reason else ${coolingPeriods.reason} end`,
      },
    })
    .returning({ until: coolingPeriods.until });
  return row?.until ?? until;
}

/** When the customer's cooling period ends, or null when none is running (core's clock). */
export async function coolingUntil(db: Db | Tx, services: CoreServices, customerId: string): Promise<Date | null> {
  const [row] = await db
    .select({ until: coolingPeriods.until })
    .from(coolingPeriods)
    .where(eq(coolingPeriods.customerId, customerId));
  if (!row) return null;
  return row.until > services.clock.now(customerId) ? row.until : null;
}

/**
 * Refuses a 出金先口座 change during the cooling period (audited `cooling_refusal`), naming
 * when it ends in JST. Called before the change's own transaction, so the audit stays.
 */
export async function refuseDuringCooling(
  db: Db,
  services: CoreServices,
  actor: { customerId: string; client: ClientContext; requestId?: string | undefined; action: string },
): Promise<void> {
  const until = await coolingUntil(db, services, actor.customerId);
  if (!until) return;
  await recordAudit(db, {
    eventType: "cooling_refusal",
    outcome: "failure",
    customerId: actor.customerId,
    client: actor.client,
    requestId: actor.requestId,
    detail: { reason: "new_device_cooling", action: actor.action, until: until.toISOString() },
  });
  throw new AppError("new_device_cooling", 403, {
    values: { until: formatJstDateTime(until) },
    coolingUntil: until.toISOString(),
  });
}

import type { OrderRequest } from "@kakunin/contracts/trading";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { instruments } from "../../db/schema.ts";
import type { CoreServices } from "../../lib/types.ts";
import { recordAudit } from "../audit.ts";
import { refuseIfStopped } from "../trading-stop.ts";
import { type OrderActor, requireCustomer } from "./rows.ts";
import { orderRefusals, reject, unknownInstrumentError } from "./rules.ts";

/**
 * The check of a new order before its confirmation (issue 17 B2): everything placeOrder would
 * refuse it for that can be known without placing it — 取引停止, an unknown issue, lot, tick,
 * 値幅制限, the 信用取引口座, holdings, the position a 返済 closes, 買付余力 — with the same
 * field errors (422 order_rejected), so the customer corrects the input before typing the
 * 執行パスワード. Nothing is stored but the audit record of a refusal; placeOrder applies the
 * same rules again (orderRefusals) under its locks, as the authority.
 */
export async function checkOrder(
  db: Db,
  services: CoreServices,
  actor: OrderActor & { request: OrderRequest },
): Promise<void> {
  await refuseIfStopped(db, services, { ...actor, action: "place_order" });
  await requireCustomer(db, actor.customerId);
  const { request } = actor;
  const code = request.kind === "stock" ? request.instrumentCode : request.fundCode;
  const [inst] = await db.select().from(instruments).where(eq(instruments.code, code));
  const refusals =
    !inst || inst.kind !== request.kind
      ? [unknownInstrumentError(request)]
      : (await orderRefusals(db, actor.customerId, inst, request)).refusals;
  if (refusals.length === 0) return;
  await recordAudit(db, {
    eventType: "order_check",
    outcome: "failure",
    customerId: actor.customerId,
    client: actor.client,
    requestId: actor.requestId,
    detail: { request, reason: refusals.map((refusal) => refusal.reason) },
  });
  throw reject(refusals);
}

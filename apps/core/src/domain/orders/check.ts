import type { FieldError } from "@kakunin/contracts/errors";
import type { ModifyOrderRequest, OrderRequest } from "@kakunin/contracts/trading";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { instruments, orders } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";
import { recordAudit } from "../audit.ts";
import { refuseIfStopped } from "../trading-stop.ts";
import { instrumentOf, type OrderActor, requireCustomer } from "./rows.ts";
import { modificationRefusals, orderRefusals, reject, unknownInstrumentError } from "./rules.ts";

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
  await refuseIfAny(db, actor, refusals, { request });
}

/**
 * The check of a 訂正 before 訂正確認 (issue 17 B2): the order must still be an open 指値 stock
 * order (409 order_not_open, as modifyOrder answers), and the new price and quantity must meet
 * what modifyOrder will require (modificationRefusals). Nothing is stored but the audit record
 * of a refusal.
 */
export async function checkModification(
  db: Db,
  services: CoreServices,
  actor: OrderActor & { orderNumber: string; request: ModifyOrderRequest },
): Promise<void> {
  await refuseIfStopped(db, services, { ...actor, action: "modify_order" });
  await requireCustomer(db, actor.customerId);
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, actor.customerId), eq(orders.orderNumber, actor.orderNumber)));
  if (!order) throw new AppError("not_found", 404);
  if (order.status !== "open" || order.kind !== "stock" || order.priceType !== "limit") {
    throw new AppError("order_not_open", 409);
  }
  const inst = await instrumentOf(db, order.instrumentCode);
  const { quantity, limitPrice } = actor.request;
  const refusals = await modificationRefusals(db, actor.customerId, inst, order, { quantity, limitPrice });
  await refuseIfAny(db, actor, refusals, { orderNumber: order.orderNumber, request: actor.request });
}

/** A check's refusal: audited as order_check (what was asked, and why not), then 422 with the fields. */
async function refuseIfAny(
  db: Db,
  actor: OrderActor,
  refusals: FieldError[],
  asked: Record<string, unknown>,
): Promise<void> {
  if (refusals.length === 0) return;
  await recordAudit(db, {
    eventType: "order_check",
    outcome: "failure",
    customerId: actor.customerId,
    client: actor.client,
    requestId: actor.requestId,
    detail: { ...asked, reason: refusals.map((refusal) => refusal.reason) },
  });
  throw reject(refusals);
}

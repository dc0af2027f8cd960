import type { ModifyOrderRequest, Order } from "@kakunin/contracts/trading";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { orders } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";
import { recordAudit } from "../audit.ts";
import { claimRequestKey } from "../request-keys.ts";
import { refuseIfStopped } from "../trading-stop.ts";
import { withdrawableOf } from "../withdrawals.ts";
import { fillStockOrder } from "./fills.ts";
import {
  credit,
  debitIfAvailable,
  freeHolding,
  releaseHolding,
  releaseMarginPosition,
  releaseReservation,
  reserveHolding,
  reserveMarginPosition,
} from "./ledger.ts";
import {
  instrumentOf,
  lockCustomerOrder,
  nameOf,
  type OrderActor,
  type OrderRow,
  requireCustomer,
  toOrder,
} from "./rows.ts";
import {
  buyingPowerError,
  cashReserveFor,
  crosses,
  holdingsError,
  marginQuantityError,
  modificationRefusals,
  reject,
} from "./rules.ts";

/**
 * 訂正 of an open 指値 stock order: new price and quantity, validated like a new order; the
 * reservation is adjusted by the difference with a conditional UPDATE; if the new price is
 * already crossed the order fills at once. A retry with the same key answers with the order
 * as it is now; the key of any other request is refused (idempotency_key_reused).
 */
export async function modifyOrder(
  db: Db,
  services: CoreServices,
  actor: OrderActor & { orderNumber: string; request: ModifyOrderRequest; requestKey: string },
): Promise<Order> {
  await refuseIfStopped(db, services, { ...actor, action: "modify_order" });
  const { quantity, limitPrice } = actor.request;
  return db.transaction(async (tx) => {
    await requireCustomer(tx, actor.customerId);
    const { customerId, requestKey, orderNumber } = actor;
    // The order number of the path is the one acted on, so it is what the key stands for.
    const request = { ...actor.request, orderNumber };
    const claim = await claimRequestKey(tx, { customerId, requestKey, operation: "modify_order", request });
    const order = await lockCustomerOrder(tx, actor.customerId, actor.orderNumber);
    const inst = await instrumentOf(tx, order.instrumentCode, "share");
    if (claim === "replay") return toOrder(order, inst.name);
    if (order.status !== "open" || order.kind !== "stock" || order.priceType !== "limit") {
      throw new AppError("order_not_open", 409);
    }
    // The same rules as the check before 訂正確認; the conditional UPDATEs below still guard
    // against an order or withdrawal that commits between the two.
    const refusals = await modificationRefusals(tx, actor.customerId, inst, order, { quantity, limitPrice }, "share");
    if (refusals.length > 0) throw reject(refusals);

    const newCash = cashReserveFor(inst, order, quantity, limitPrice);
    const cashDelta = newCash - order.reservedCash;
    if (cashDelta > 0 && !(await debitIfAvailable(tx, actor.customerId, cashDelta))) {
      throw reject([buyingPowerError("quantity", await withdrawableOf(tx, actor.customerId))]);
    }
    if (cashDelta < 0) await credit(tx, actor.customerId, -cashDelta);
    const newQuantityReserve = order.reservedQuantity > 0 ? quantity : 0;
    const qtyDelta = newQuantityReserve - order.reservedQuantity;
    if (qtyDelta > 0) {
      const ok = order.marginPositionId
        ? await reserveMarginPosition(tx, order.marginPositionId, qtyDelta)
        : await reserveHolding(tx, actor.customerId, order.instrumentCode, qtyDelta);
      if (!ok) {
        throw reject([
          order.marginPositionId
            ? marginQuantityError
            : holdingsError(
                "stock",
                order.reservedQuantity + (await freeHolding(tx, actor.customerId, order.instrumentCode)),
              ),
        ]);
      }
    } else if (qtyDelta < 0) {
      if (order.marginPositionId) await releaseMarginPosition(tx, order.marginPositionId, -qtyDelta);
      else await releaseHolding(tx, actor.customerId, order.instrumentCode, -qtyDelta);
    }
    const updated = await applyCustomerAction(
      tx,
      services,
      actor,
      order,
      { quantity, limitPrice, reservedCash: newCash, reservedQuantity: newQuantityReserve },
      "order_modify",
      {
        orderNumber: order.orderNumber,
        from: { quantity: order.quantity, limitPrice: order.limitPrice },
        to: { quantity, limitPrice },
      },
    );
    if (crosses(updated, inst.price)) await fillStockOrder(tx, services, updated, inst, inst.price);
    const [final] = await tx.select().from(orders).where(eq(orders.id, order.id));
    return toOrder(final ?? updated, inst.name);
  });
}

/**
 * 取消 of an open order: releases what it held. Exactly one of cancel and fill wins. A retry
 * with the same key answers with the order; the key of any other request is refused.
 */
export async function cancelOrder(
  db: Db,
  services: CoreServices,
  actor: OrderActor & { orderNumber: string; requestKey: string },
): Promise<Order> {
  return db.transaction(async (tx) => {
    await requireCustomer(tx, actor.customerId);
    const { customerId, requestKey, orderNumber } = actor;
    const claim = await claimRequestKey(tx, {
      customerId,
      requestKey,
      operation: "cancel_order",
      request: { orderNumber },
    });
    const order = await lockCustomerOrder(tx, actor.customerId, actor.orderNumber);
    const name = await nameOf(tx, order.instrumentCode);
    if (claim === "replay") return toOrder(order, name);
    if (order.status !== "open") throw new AppError("order_not_open", 409);
    await releaseReservation(tx, order);
    const updated = await applyCustomerAction(
      tx,
      services,
      actor,
      order,
      { status: "cancelled", reservedCash: 0, reservedQuantity: 0 },
      "order_cancel",
      { orderNumber: order.orderNumber, releasedCash: order.reservedCash },
    );
    return toOrder(updated, name);
  });
}

/**
 * Writes a customer's 訂正 or 取消 onto the locked order (with the request key it came with)
 * and its audit record, in the caller's transaction.
 */
async function applyCustomerAction(
  tx: Tx,
  services: CoreServices,
  actor: OrderActor & { requestKey: string },
  order: OrderRow,
  change: Partial<OrderRow>,
  eventType: "order_modify" | "order_cancel",
  detail: Record<string, unknown>,
): Promise<OrderRow> {
  const [updated] = await tx
    .update(orders)
    .set({ ...change, lastActionKey: actor.requestKey, updatedAt: services.clock.now(actor.customerId) })
    .where(eq(orders.id, order.id))
    .returning();
  if (!updated) throw new Error("order vanished");
  await recordAudit(tx, {
    eventType,
    outcome: "success",
    customerId: actor.customerId,
    client: actor.client,
    requestId: actor.requestId,
    detail,
  });
  return updated;
}

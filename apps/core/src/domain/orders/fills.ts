import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { marginPositions, orders } from "../../db/schema.ts";
import type { CoreServices } from "../../lib/types.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { recordAudit } from "../audit.ts";
import type { InstrumentRow } from "../market.ts";
import { withdrawableOf } from "../withdrawals.ts";
import { addToHolding, credit, debitIfAvailable, reduceHolding, releaseReservation } from "./ledger.ts";
import { instrumentOf, lockOpenOrder, type OrderRow, requireCustomer } from "./rows.ts";
import { crosses, marginRequirement } from "./rules.ts";

// Fills (at placement, on a price change, at the fund NAV) and the day-end expiry of stock orders.

/**
 * Fills a locked, open stock order at `price`, in the caller's transaction: order → filled,
 * cash and positions settled, audit `order_fill`, 取引(約定)通知 when on.
 */
export async function fillStockOrder(
  tx: Tx,
  services: CoreServices,
  order: OrderRow,
  inst: InstrumentRow,
  price: number,
) {
  const quantity = order.quantity ?? 0;
  const notional = price * quantity;
  const now = services.clock.now(order.customerId);
  const detail: Record<string, unknown> = { orderNumber: order.orderNumber, price, quantity, notional };

  if (order.account === "cash" && order.side === "buy") {
    const refund = order.reservedCash - notional;
    if (refund < 0 && !(await debitIfAvailable(tx, order.customerId, -refund))) {
      throw new Error(`fill of ${order.orderNumber} exceeds its reservation`);
    }
    if (refund > 0) await credit(tx, order.customerId, refund);
    await addToHolding(tx, order.customerId, inst.code, quantity, notional);
  } else if (order.account === "cash") {
    await credit(tx, order.customerId, notional);
    await reduceHolding(tx, order.customerId, inst.code, quantity, quantity);
  } else if (order.marginAction === "open") {
    const required = Math.min(marginRequirement(notional), order.reservedCash);
    await credit(tx, order.customerId, order.reservedCash - required);
    const [opened] = await tx
      .insert(marginPositions)
      .values({
        customerId: order.customerId,
        instrumentCode: inst.code,
        side: order.side,
        quantity,
        openPrice: price,
        requiredMargin: required,
        openedAt: now,
      })
      .returning({ id: marginPositions.id });
    Object.assign(detail, { requiredMargin: required, marginPositionId: opened?.id });
  } else {
    const [pos] = await tx
      .select()
      .from(marginPositions)
      .where(eq(marginPositions.id, order.marginPositionId ?? ""))
      .for("update");
    if (!pos) throw new Error(`margin position of ${order.orderNumber} missing`);
    // A long (買建) is closed by a sell, a short (売建) by a buy.
    const pnl = (pos.side === "buy" ? price - pos.openPrice : pos.openPrice - price) * quantity;
    const released =
      quantity === pos.quantity ? pos.requiredMargin : Math.floor((pos.requiredMargin * quantity) / pos.quantity);
    const settlement = released + pnl;
    let uncovered = 0;
    if (settlement >= 0) await credit(tx, order.customerId, settlement);
    else {
      // A loss beyond the released margin comes out of free cash, never below zero; what is
      // left is recorded as uncovered (a real broker would call for 追加保証金).
      const free = await withdrawableOf(tx, order.customerId);
      const taken = Math.min(free, -settlement);
      uncovered = -settlement - taken;
      if (taken > 0 && !(await debitIfAvailable(tx, order.customerId, taken))) throw new Error("settlement failed");
    }
    if (quantity === pos.quantity) await tx.delete(marginPositions).where(eq(marginPositions.id, pos.id));
    else {
      await tx
        .update(marginPositions)
        .set({
          quantity: sql`${marginPositions.quantity} - ${quantity}`,
          reservedQuantity: sql`${marginPositions.reservedQuantity} - ${quantity}`,
          requiredMargin: sql`${marginPositions.requiredMargin} - ${released}`,
        })
        .where(eq(marginPositions.id, pos.id));
    }
    Object.assign(detail, { realizedPnl: pnl, releasedMargin: released, ...(uncovered ? { uncovered } : {}) });
  }

  await markFilled(tx, order, { price, quantity, amount: notional }, now, detail);
  const customer = await requireCustomer(tx, order.customerId);
  await enqueueMail(tx, {
    customerId: order.customerId,
    type: "trade_execution",
    data: {
      customerName: customer.name,
      at: now,
      orderNumber: order.orderNumber,
      instrument: `${inst.name}（${inst.code}）`,
      side: { side: order.side, account: order.account, marginAction: order.marginAction },
      quantity,
      price,
    },
  });
}

/** Marks a locked, open order filled (nothing held back any more) and audits the fill with `detail`. */
async function markFilled(
  tx: Tx,
  order: OrderRow,
  fill: { price: number; quantity: number; amount: number },
  now: Date,
  detail: Record<string, unknown>,
) {
  await tx
    .update(orders)
    .set({
      status: "filled",
      filledPrice: fill.price,
      filledQuantity: fill.quantity,
      filledAmount: fill.amount,
      filledAt: now,
      reservedCash: 0,
      reservedQuantity: 0,
      updatedAt: now,
    })
    .where(eq(orders.id, order.id));
  await recordAudit(tx, {
    eventType: "order_fill",
    outcome: "success",
    customerId: order.customerId,
    client: { ipAddress: null, userAgent: "market" },
    detail,
  });
}

/** Executes a locked, open fund order at `nav` (per 10,000 units), with 投信約定通知メール when on. */
async function fillFundOrder(tx: Tx, services: CoreServices, order: OrderRow, fund: InstrumentRow, nav: number) {
  const now = services.clock.now(order.customerId);
  let units: number;
  let amount: number;
  if (order.side === "buy") {
    amount = order.amount ?? 0;
    units = Math.floor((amount * 10_000) / nav);
    await addToHolding(tx, order.customerId, fund.code, units, amount);
  } else {
    units = order.units ?? 0;
    amount = Math.floor((units * nav) / 10_000);
    await credit(tx, order.customerId, amount);
    await reduceHolding(tx, order.customerId, fund.code, units, units);
  }
  await markFilled(tx, order, { price: nav, quantity: units, amount }, now, {
    orderNumber: order.orderNumber,
    nav,
    units,
    amount,
  });
  const customer = await requireCustomer(tx, order.customerId);
  await enqueueMail(tx, {
    customerId: order.customerId,
    type: "fund_execution",
    data: {
      customerName: customer.name,
      at: now,
      orderNumber: order.orderNumber,
      fundName: fund.name,
      side: order.side,
      amount,
    },
  });
}

/**
 * Fills one open stock order if the instrument's current price crosses it; its own
 * transaction. Returns whether it filled (false when it was cancelled/filled meanwhile).
 */
export async function tryFillStockOrder(db: Db, services: CoreServices, orderId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const order = await lockOpenOrder(tx, orderId);
    if (order?.kind !== "stock") return false;
    const inst = await instrumentOf(tx, order.instrumentCode, "share");
    if (!crosses(order, inst.price)) return false;
    await fillStockOrder(tx, services, order, inst, inst.price);
    return true;
  });
}

/** Fills every open limit order of a stock that its current price crosses. */
export async function fillCrossedOrders(db: Db, services: CoreServices, code: string): Promise<number> {
  const inst = await instrumentOf(db, code);
  const candidates = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.instrumentCode, code),
        eq(orders.status, "open"),
        eq(orders.kind, "stock"),
        sql`((${orders.side} = 'buy' and ${orders.limitPrice} >= ${inst.price}) or (${orders.side} = 'sell' and ${orders.limitPrice} <= ${inst.price}))`,
      ),
    )
    .orderBy(asc(orders.createdAt), asc(orders.orderNumber));
  let filled = 0;
  for (const { id } of candidates) if (await tryFillStockOrder(db, services, id)) filled++;
  return filled;
}

/** Executes every open fund order at its fund's current NAV, each in its own transaction. */
export async function executeFundOrders(db: Db, services: CoreServices): Promise<number> {
  const open = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.kind, "fund"), eq(orders.status, "open")))
    .orderBy(asc(orders.createdAt), asc(orders.orderNumber));
  let filled = 0;
  for (const { id } of open) {
    const done = await db.transaction(async (tx) => {
      const order = await lockOpenOrder(tx, id);
      if (!order) return false;
      const fund = await instrumentOf(tx, order.instrumentCode, "share");
      await fillFundOrder(tx, services, order, fund, fund.price);
      return true;
    });
    if (done) filled++;
  }
  return filled;
}

/** 失効: every open stock order (day orders) expires, releasing what it held. */
export async function expireStockOrders(db: Db, services: CoreServices, operator: string): Promise<number> {
  const open = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.kind, "stock"), eq(orders.status, "open")));
  let expired = 0;
  for (const { id } of open) {
    const done = await db.transaction(async (tx) => {
      const order = await lockOpenOrder(tx, id);
      if (!order) return false;
      await releaseReservation(tx, order);
      const now = services.clock.now(order.customerId);
      await tx
        .update(orders)
        .set({ status: "expired", reservedCash: 0, reservedQuantity: 0, updatedAt: now })
        .where(eq(orders.id, order.id));
      await recordAudit(tx, {
        eventType: "order_expire",
        outcome: "success",
        customerId: order.customerId,
        subject: operator,
        client: { ipAddress: null, userAgent: `operator:${operator}` },
        detail: { orderNumber: order.orderNumber, releasedCash: order.reservedCash },
      });
      return true;
    });
    if (done) expired++;
  }
  return expired;
}

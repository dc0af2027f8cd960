import type { ClientContext } from "@kakunin/contracts/core-api";
import type { FieldError } from "@kakunin/contracts/errors";
import {
  type Balances,
  type ModifyOrderRequest,
  marginAccountNotOpenMessage,
  type Order,
  type OrderRequest,
} from "@kakunin/contracts/trading";
import { and, asc, desc, eq, gte, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import {
  accountOpenings,
  cashBalances,
  customers,
  instruments,
  marginPositions,
  orders,
  positions,
} from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { recordAudit } from "./audit.ts";
import { type InstrumentRow, isOnTick, priceLimits, tickSize } from "./market.ts";
import { claimRequestKey } from "./request-keys.ts";
import { withdrawableOf } from "./withdrawals.ts";

/**
 * Orders, cash and positions (R17, R18, R19). Money is integer yen throughout.
 *
 * - `cash_balances.withdrawable` is the free cash: 買付余力 and 出金可能額 alike.
 * - 信用新規 orders (and their 訂正) need the customer's 信用取引口座 開設済; its row is read
 *   under a share lock in the order's transaction, so no status change slips in between.
 *   返済 is always allowed: closing a position only lowers the customer's risk, and refusing
 *   it would trap them in a position opened while the account was open.
 * - Placing an order reserves what it may need with one conditional UPDATE (as a
 *   withdrawal does): cash for buys (limit price × quantity, or the daily upper limit ×
 *   quantity for 成行), 30 % of the notional for margin 新規, shares/units for sells, the
 *   quantity of the margin position a 返済 closes. The reservation is stored on the order.
 * - A fill, a cancel and an expiry each lock the order row and require `status = 'open'`,
 *   so exactly one of them happens; each settles the reservation in the same transaction as
 *   the status change, its audit record and its mail (R25).
 */
interface Actor {
  customerId: string;
  client: ClientContext;
  requestId?: string | undefined;
}

type OrderRow = typeof orders.$inferSelect;

/** 委託保証金率: 30 % of the notional, rounded up to the yen. */
export const marginRequirement = (notional: number) => Math.ceil((notional * 3) / 10);

/** "¥1,000,000", as the amount screens show it. */
const yen = (amount: number) => `¥${amount.toLocaleString("ja-JP")}`;
const num = (n: number) => n.toLocaleString("ja-JP");

const reject = (fields: FieldError[]) => new AppError("order_rejected", 422, { fields });

export function toOrder(row: OrderRow, instrumentName: string): Order {
  return {
    orderNumber: row.orderNumber,
    kind: row.kind,
    instrumentCode: row.instrumentCode,
    instrumentName,
    side: row.side,
    account: row.account,
    marginAction: row.marginAction,
    quantity: row.quantity,
    amount: row.amount,
    units: row.units,
    priceType: row.priceType,
    limitPrice: row.limitPrice,
    status: row.status,
    filledPrice: row.filledPrice,
    filledQuantity: row.filledQuantity,
    filledAt: row.filledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function requireCustomer(db: Db | Tx, customerId: string) {
  const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  return row;
}

async function instrumentOf(tx: Db | Tx, code: string, lock?: "share" | "update") {
  const query = tx.select().from(instruments).where(eq(instruments.code, code));
  const [row] = lock ? await query.for(lock) : await query;
  if (!row) throw new Error(`instrument ${code} missing`);
  return row;
}

/* ---------- cash and holdings primitives (all inside the caller's transaction) ---------- */

async function debitIfAvailable(tx: Tx, customerId: string, amount: number): Promise<boolean> {
  if (amount === 0) return true;
  const [row] = await tx
    .update(cashBalances)
    .set({ withdrawable: sql`${cashBalances.withdrawable} - ${amount}`, updatedAt: sql`now()` })
    .where(and(eq(cashBalances.customerId, customerId), gte(cashBalances.withdrawable, amount)))
    .returning({ withdrawable: cashBalances.withdrawable });
  return Boolean(row);
}

async function credit(tx: Tx, customerId: string, amount: number) {
  if (amount === 0) return;
  await tx
    .update(cashBalances)
    .set({ withdrawable: sql`${cashBalances.withdrawable} + ${amount}`, updatedAt: sql`now()` })
    .where(eq(cashBalances.customerId, customerId));
}

/** Holds back `quantity` shares/units of a holding for a sell; false when not enough are free. */
async function reserveHolding(tx: Tx, customerId: string, code: string, quantity: number): Promise<boolean> {
  const [row] = await tx
    .update(positions)
    .set({ reservedQuantity: sql`${positions.reservedQuantity} + ${quantity}`, updatedAt: sql`now()` })
    .where(
      and(
        eq(positions.customerId, customerId),
        eq(positions.instrumentCode, code),
        sql`${positions.quantity} - ${positions.reservedQuantity} >= ${quantity}`,
      ),
    )
    .returning({ quantity: positions.quantity });
  return Boolean(row);
}

async function releaseHolding(tx: Tx, customerId: string, code: string, quantity: number) {
  if (quantity === 0) return;
  await tx
    .update(positions)
    .set({ reservedQuantity: sql`${positions.reservedQuantity} - ${quantity}`, updatedAt: sql`now()` })
    .where(and(eq(positions.customerId, customerId), eq(positions.instrumentCode, code)));
}

async function freeHolding(tx: Db | Tx, customerId: string, code: string): Promise<number> {
  const [row] = await tx
    .select({ free: sql<number>`(${positions.quantity} - ${positions.reservedQuantity})::bigint` })
    .from(positions)
    .where(and(eq(positions.customerId, customerId), eq(positions.instrumentCode, code)));
  return Number(row?.free ?? 0);
}

async function reserveMarginPosition(tx: Tx, positionId: string, quantity: number): Promise<boolean> {
  const [row] = await tx
    .update(marginPositions)
    .set({ reservedQuantity: sql`${marginPositions.reservedQuantity} + ${quantity}` })
    .where(
      and(
        eq(marginPositions.id, positionId),
        sql`${marginPositions.quantity} - ${marginPositions.reservedQuantity} >= ${quantity}`,
      ),
    )
    .returning({ id: marginPositions.id });
  return Boolean(row);
}

async function releaseMarginPosition(tx: Tx, positionId: string, quantity: number) {
  if (quantity === 0) return;
  await tx
    .update(marginPositions)
    .set({ reservedQuantity: sql`${marginPositions.reservedQuantity} - ${quantity}` })
    .where(eq(marginPositions.id, positionId));
}

/* ---------- validation ---------- */

function checkStockPrice(inst: InstrumentRow, quantity: number, limitPrice: number | null): FieldError[] {
  const fields: FieldError[] = [];
  if (quantity % inst.lotSize !== 0) {
    fields.push({ path: "quantity", message: `数量は${num(inst.lotSize)}株単位で入力してください。`, reason: "lot" });
  }
  if (limitPrice !== null) {
    const { limitDown, limitUp } = priceLimits(inst.previousClose);
    if (!isOnTick(limitPrice)) {
      fields.push({
        path: "limitPrice",
        message: `この価格帯の呼値は${num(tickSize(limitPrice))}円単位です。`,
        reason: "tick",
      });
    } else if (limitPrice < limitDown || limitPrice > limitUp) {
      fields.push({
        path: "limitPrice",
        message: `値幅制限（${num(limitDown)}円～${num(limitUp)}円）の範囲外です。`,
        reason: "price_limit",
      });
    }
  }
  return fields;
}

/** What a stock order holds back from withdrawable (yen). */
function cashReserveFor(
  inst: InstrumentRow,
  o: { side: "buy" | "sell"; account: "cash" | "margin" | null; marginAction: "open" | "close" | null },
  quantity: number,
  limitPrice: number | null,
): number {
  const { limitUp } = priceLimits(inst.previousClose);
  if (o.account === "cash") return o.side === "buy" ? (limitPrice ?? limitUp) * quantity : 0;
  if (o.marginAction === "open") {
    // A buy never fills above its limit; a sell may fill up to the daily upper limit.
    const basis = o.side === "buy" ? (limitPrice ?? limitUp) : limitUp;
    return marginRequirement(basis * quantity);
  }
  return 0;
}

const buyingPowerError = (path: string, withdrawable: number): FieldError => ({
  path,
  message: `買付余力（${yen(withdrawable)}）を超えています。`,
  reason: "buying_power",
});

/**
 * Whether the customer's 信用取引口座 is 開設済; a missing row counts as 未開設, as on
 * 口座開設状況. With `lock`, the row is share-locked so its status cannot change until the
 * caller's transaction (the order and its reservation) commits.
 */
export async function isMarginAccountOpen(db: Db | Tx, customerId: string, lock?: "share"): Promise<boolean> {
  const query = db
    .select({ status: accountOpenings.status })
    .from(accountOpenings)
    .where(and(eq(accountOpenings.customerId, customerId), eq(accountOpenings.kind, "信用取引口座")));
  const [row] = lock ? await query.for(lock) : await query;
  return row?.status === "開設済";
}

/** 信用新規 only with an opened 信用取引口座; checked in the order's own transaction. */
async function requireMarginAccount(tx: Tx, customerId: string) {
  if (await isMarginAccountOpen(tx, customerId, "share")) return;
  // 審査中 and 未開設 alike; `account` is the field the SPA shows it on (取引区分).
  throw reject([{ path: "account", message: marginAccountNotOpenMessage, reason: "margin_account" }]);
}

const crosses = (o: Pick<OrderRow, "side" | "priceType" | "limitPrice">, price: number) =>
  o.priceType === "market" ||
  (o.limitPrice !== null && (o.side === "buy" ? price <= o.limitPrice : price >= o.limitPrice));

/* ---------- fills ---------- */

function sideLabel(o: Pick<OrderRow, "side" | "account" | "marginAction">): string {
  const s = o.side === "buy" ? "買" : "売";
  if (o.account === "margin") return `信用${o.marginAction === "open" ? "新規" : "返済"}${s}`;
  return o.account === "cash" ? `現物${s}` : s;
}

/** Locks an order and returns it only while it is still open (the fill/cancel/expire gate). */
async function lockOpenOrder(tx: Tx, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  return row?.status === "open" ? row : undefined;
}

/**
 * Fills a locked, open stock order at `price`, in the caller's transaction: order → filled,
 * cash and positions settled, audit `order_fill`, 取引(約定)通知 when on.
 */
async function fillStockOrder(tx: Tx, services: CoreServices, order: OrderRow, inst: InstrumentRow, price: number) {
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
    await tx
      .insert(positions)
      .values({ customerId: order.customerId, instrumentCode: inst.code, quantity, cost: notional })
      .onConflictDoUpdate({
        target: [positions.customerId, positions.instrumentCode],
        set: {
          quantity: sql`${positions.quantity} + ${quantity}`,
          cost: sql`${positions.cost} + ${notional}`,
          updatedAt: sql`now()`,
        },
      });
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
      side: sideLabel(order),
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

/** Sells `quantity` of a holding of which `reserved` was held back; the cost basis shrinks pro rata. */
async function reduceHolding(tx: Tx, customerId: string, code: string, quantity: number, reserved: number) {
  const where = and(eq(positions.customerId, customerId), eq(positions.instrumentCode, code));
  const [pos] = await tx.select().from(positions).where(where).for("update");
  if (!pos || pos.quantity < quantity) throw new Error(`holding of ${code} too small`);
  if (pos.quantity === quantity) {
    await tx.delete(positions).where(where);
    return;
  }
  const costSold = Math.round((pos.cost * quantity) / pos.quantity);
  await tx
    .update(positions)
    .set({
      quantity: pos.quantity - quantity,
      reservedQuantity: pos.reservedQuantity - reserved,
      cost: pos.cost - costSold,
      updatedAt: sql`now()`,
    })
    .where(where);
}

/** Executes a locked, open fund order at `nav` (per 10,000 units), with 投信約定通知メール when on. */
async function fillFundOrder(tx: Tx, services: CoreServices, order: OrderRow, fund: InstrumentRow, nav: number) {
  const now = services.clock.now(order.customerId);
  let units: number;
  let amount: number;
  if (order.side === "buy") {
    amount = order.amount ?? 0;
    units = Math.floor((amount * 10_000) / nav);
    await tx
      .insert(positions)
      .values({ customerId: order.customerId, instrumentCode: fund.code, quantity: units, cost: amount })
      .onConflictDoUpdate({
        target: [positions.customerId, positions.instrumentCode],
        set: {
          quantity: sql`${positions.quantity} + ${units}`,
          cost: sql`${positions.cost} + ${amount}`,
          updatedAt: sql`now()`,
        },
      });
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
      side: order.side === "buy" ? "買付" : "解約",
      amount,
    },
  });
}

/** Gives back what an open order holds (cash, shares/units, margin position quantity). */
async function releaseReservation(tx: Tx, order: OrderRow) {
  await credit(tx, order.customerId, order.reservedCash);
  if (order.reservedQuantity > 0) {
    if (order.marginAction === "close" && order.marginPositionId) {
      await releaseMarginPosition(tx, order.marginPositionId, order.reservedQuantity);
    } else {
      await releaseHolding(tx, order.customerId, order.instrumentCode, order.reservedQuantity);
    }
  }
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

/* ---------- customer operations ---------- */

async function findByKey(db: Db | Tx, customerId: string, requestKey: string) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, customerId), eq(orders.requestKey, requestKey)));
  return row;
}

async function nameOf(db: Db | Tx, code: string) {
  return (await instrumentOf(db, code)).name;
}

/**
 * 注文 (R17, R18, R26), in one transaction: the request key is claimed (request-keys.ts) — a
 * retry of this same order returns it (nothing reserved or filled again; a concurrent twin
 * waits for the first), the key of any other request is refused with 422
 * idempotency_key_reused; the order is validated against market data, inserted, its
 * reservation taken by a conditional UPDATE, and a 成行 or already-crossed 指値 stock order
 * filled at once at the current price. A refusal stores nothing but its audit record.
 */
export async function placeOrder(
  db: Db,
  services: CoreServices,
  actor: Actor & { request: OrderRequest; requestKey: string },
): Promise<{ order: Order; created: boolean }> {
  const { request } = actor;
  const code = request.kind === "stock" ? request.instrumentCode : request.fundCode;
  const codePath = request.kind === "stock" ? "instrumentCode" : "fundCode";
  const audit = (tx: Db | Tx, outcome: "success" | "failure", detail: Record<string, unknown>) =>
    recordAudit(tx, {
      eventType: "order_place",
      outcome,
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { request, ...detail },
    });

  try {
    return await db.transaction(async (tx) => {
      await requireCustomer(tx, actor.customerId);
      const { customerId, requestKey } = actor;
      if ((await claimRequestKey(tx, { customerId, requestKey, operation: "place_order", request })) === "replay") {
        const first = await findByKey(tx, actor.customerId, actor.requestKey);
        if (!first) throw new Error("request key without its order");
        return { order: toOrder(first, await nameOf(tx, first.instrumentCode)), created: false };
      }

      // A share lock: a price change waits for this order to commit, then sees it.
      const [inst] = await tx.select().from(instruments).where(eq(instruments.code, code)).for("share");
      if (!inst || inst.kind !== request.kind) {
        throw reject([{ path: codePath, message: "該当する銘柄がありません。", reason: "unknown_instrument" }]);
      }
      const now = services.clock.now(actor.customerId);
      const base = {
        customerId: actor.customerId,
        kind: request.kind,
        instrumentCode: inst.code,
        side: request.side,
        requestKey: actor.requestKey,
        createdAt: now,
        updatedAt: now,
      };

      let values: typeof orders.$inferInsert;
      let marginPositionId: string | null = null;
      if (request.kind === "stock") {
        // Before anything else about the order: without the account, lot or price do not matter.
        if (request.account === "margin" && request.marginAction === "open") {
          await requireMarginAccount(tx, actor.customerId);
        }
        const fields = checkStockPrice(inst, request.quantity, request.limitPrice);
        if (fields.length > 0) throw reject(fields);
        if (request.marginAction === "close") {
          // 返済: the oldest opposite-side position of this issue with enough free quantity.
          const [pos] = await tx
            .select({ id: marginPositions.id })
            .from(marginPositions)
            .where(
              and(
                eq(marginPositions.customerId, actor.customerId),
                eq(marginPositions.instrumentCode, inst.code),
                ne(marginPositions.side, request.side),
                sql`${marginPositions.quantity} - ${marginPositions.reservedQuantity} >= ${request.quantity}`,
              ),
            )
            .orderBy(asc(marginPositions.openedAt))
            .limit(1);
          if (!pos) {
            throw reject([
              {
                path: "quantity",
                message: "返済できる建玉がありません（数量をご確認ください）。",
                reason: "margin_position",
              },
            ]);
          }
          marginPositionId = pos.id;
        }
        const reserveCash = cashReserveFor(inst, request, request.quantity, request.limitPrice);
        const reserveQuantity = request.side === "sell" && request.account === "cash" ? request.quantity : 0;
        values = {
          ...base,
          account: request.account,
          marginAction: request.marginAction,
          marginPositionId,
          quantity: request.quantity,
          priceType: request.priceType,
          limitPrice: request.limitPrice,
          reservedCash: reserveCash,
          reservedQuantity: marginPositionId ? request.quantity : reserveQuantity,
        };
      } else {
        values = {
          ...base,
          amount: request.side === "buy" ? request.amount : null,
          units: request.side === "sell" ? request.units : null,
          reservedCash: request.side === "buy" ? (request.amount ?? 0) : 0,
          reservedQuantity: request.side === "sell" ? (request.units ?? 0) : 0,
        };
      }

      const [inserted] = await tx.insert(orders).values(values).returning();
      if (!inserted) throw new Error("order not inserted");

      const quantityPath = request.kind === "stock" ? "quantity" : request.side === "buy" ? "amount" : "units";
      if (!(await debitIfAvailable(tx, actor.customerId, inserted.reservedCash))) {
        throw reject([buyingPowerError(quantityPath, await withdrawableOf(tx, actor.customerId))]);
      }
      if (inserted.reservedQuantity > 0) {
        const ok = marginPositionId
          ? await reserveMarginPosition(tx, marginPositionId, inserted.reservedQuantity)
          : await reserveHolding(tx, actor.customerId, inst.code, inserted.reservedQuantity);
        if (!ok && marginPositionId) {
          throw reject([{ path: "quantity", message: "返済できる建玉がありません。", reason: "margin_position" }]);
        }
        if (!ok) {
          const free = await freeHolding(tx, actor.customerId, inst.code);
          throw reject([
            request.kind === "stock"
              ? { path: "quantity", message: `売却可能な数量（${num(free)}株）を超えています。`, reason: "holdings" }
              : { path: "units", message: `解約可能な口数（${num(free)}口）を超えています。`, reason: "holdings" },
          ]);
        }
      }
      await audit(tx, "success", { orderNumber: inserted.orderNumber, reservedCash: inserted.reservedCash });

      if (inserted.kind === "stock" && crosses(inserted, inst.price)) {
        await fillStockOrder(tx, services, inserted, inst, inst.price);
      }
      const [final] = await tx.select().from(orders).where(eq(orders.id, inserted.id));
      return { order: toOrder(final ?? inserted, inst.name), created: true };
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "order_rejected") {
      await audit(db, "failure", { reason: err.extra.fields?.map((f) => f.reason) });
    }
    if (err instanceof AppError && err.code === "idempotency_key_reused") {
      await audit(db, "failure", { reason: err.code });
    }
    throw err;
  }
}

async function lockCustomerOrder(tx: Tx, customerId: string, orderNumber: string) {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, customerId), eq(orders.orderNumber, orderNumber)))
    .for("update");
  if (!row) throw new AppError("not_found", 404);
  return row;
}

/**
 * 訂正 of an open 指値 stock order: new price and quantity, validated like a new order; the
 * reservation is adjusted by the difference with a conditional UPDATE; if the new price is
 * already crossed the order fills at once. A retry with the same key answers with the order
 * as it is now; the key of any other request is refused (idempotency_key_reused).
 */
export async function modifyOrder(
  db: Db,
  services: CoreServices,
  actor: Actor & { orderNumber: string; request: ModifyOrderRequest; requestKey: string },
): Promise<Order> {
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
    // A 訂正 is validated like a new order, so a 信用新規 one needs the account still 開設済.
    if (order.account === "margin" && order.marginAction === "open") await requireMarginAccount(tx, actor.customerId);
    const fields = checkStockPrice(inst, quantity, limitPrice);
    if (fields.length > 0) throw reject(fields);

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
            ? { path: "quantity", message: "返済できる建玉の数量を超えています。", reason: "margin_position" }
            : {
                path: "quantity",
                message: `売却可能な数量（${num(order.reservedQuantity + (await freeHolding(tx, actor.customerId, order.instrumentCode)))}株）を超えています。`,
                reason: "holdings",
              },
        ]);
      }
    } else if (qtyDelta < 0) {
      if (order.marginPositionId) await releaseMarginPosition(tx, order.marginPositionId, -qtyDelta);
      else await releaseHolding(tx, actor.customerId, order.instrumentCode, -qtyDelta);
    }
    const now = services.clock.now(actor.customerId);
    const [updated] = await tx
      .update(orders)
      .set({
        quantity,
        limitPrice,
        reservedCash: newCash,
        reservedQuantity: newQuantityReserve,
        lastActionKey: actor.requestKey,
        updatedAt: now,
      })
      .where(eq(orders.id, order.id))
      .returning();
    if (!updated) throw new Error("order vanished");
    await recordAudit(tx, {
      eventType: "order_modify",
      outcome: "success",
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: {
        orderNumber: order.orderNumber,
        from: { quantity: order.quantity, limitPrice: order.limitPrice },
        to: { quantity, limitPrice },
      },
    });
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
  actor: Actor & { orderNumber: string; requestKey: string },
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
    const now = services.clock.now(actor.customerId);
    const [updated] = await tx
      .update(orders)
      .set({
        status: "cancelled",
        reservedCash: 0,
        reservedQuantity: 0,
        lastActionKey: actor.requestKey,
        updatedAt: now,
      })
      .where(eq(orders.id, order.id))
      .returning();
    if (!updated) throw new Error("order vanished");
    await recordAudit(tx, {
      eventType: "order_cancel",
      outcome: "success",
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { orderNumber: order.orderNumber, releasedCash: order.reservedCash },
    });
    return toOrder(updated, name);
  });
}

/** 注文照会: newest first. */
export async function listOrders(db: Db, customerId: string, limit = 200): Promise<Order[]> {
  await requireCustomer(db, customerId);
  const rows = await db
    .select({ order: orders, name: instruments.name })
    .from(orders)
    .innerJoin(instruments, eq(instruments.code, orders.instrumentCode))
    .where(eq(orders.customerId, customerId))
    .orderBy(desc(orders.createdAt), desc(orders.orderNumber))
    .limit(limit);
  return rows.map((r) => toOrder(r.order, r.name));
}

/**
 * 残高照会. `cash` is everything the customer's cash amounts to: free cash (withdrawable =
 * 買付余力) + cash reserved by open orders + 委託保証金 held by margin positions.
 * totalValuation = cash + market value of stocks and funds + unrealized margin P&L.
 */
export async function balances(db: Db, customerId: string): Promise<Balances> {
  await requireCustomer(db, customerId);
  const withdrawable = await withdrawableOf(db, customerId);
  const [reserved] = await db
    .select({ sum: sql<string>`coalesce(sum(${orders.reservedCash}), 0)` })
    .from(orders)
    .where(and(eq(orders.customerId, customerId), eq(orders.status, "open")));
  const held = await db
    .select({ position: positions, inst: instruments })
    .from(positions)
    .innerJoin(instruments, eq(instruments.code, positions.instrumentCode))
    .where(eq(positions.customerId, customerId))
    .orderBy(asc(positions.instrumentCode));
  const margin = await db
    .select({ position: marginPositions, inst: instruments })
    .from(marginPositions)
    .innerJoin(instruments, eq(instruments.code, marginPositions.instrumentCode))
    .where(eq(marginPositions.customerId, customerId))
    .orderBy(asc(marginPositions.openedAt));

  const stockRows = held.filter((h) => h.inst.kind === "stock");
  const fundRows = held.filter((h) => h.inst.kind === "fund");
  const marginHeld = margin.reduce((s, m) => s + m.position.requiredMargin, 0);
  const cash = withdrawable + Number(reserved?.sum ?? 0) + marginHeld;

  const stockPositions = stockRows.map(({ position: p, inst }) => {
    const marketValue = inst.price * p.quantity;
    return {
      code: inst.code,
      name: inst.name,
      quantity: p.quantity,
      reservedQuantity: p.reservedQuantity,
      averagePrice: Math.round((p.cost / p.quantity) * 100) / 100,
      price: inst.price,
      marketValue,
      unrealizedPnl: marketValue - p.cost,
    };
  });
  const marginView = margin.map(({ position: m, inst }) => ({
    id: m.id,
    code: inst.code,
    name: inst.name,
    side: m.side,
    quantity: m.quantity,
    openPrice: m.openPrice,
    price: inst.price,
    unrealizedPnl: (m.side === "buy" ? inst.price - m.openPrice : m.openPrice - inst.price) * m.quantity,
    requiredMargin: m.requiredMargin,
  }));
  const funds = fundRows.map(({ position: p, inst }) => ({
    code: inst.code,
    name: inst.name,
    units: p.quantity,
    nav: inst.price,
    marketValue: Math.floor((p.quantity * inst.price) / 10_000),
  }));
  const totalValuation =
    cash +
    stockPositions.reduce((s, p) => s + p.marketValue, 0) +
    funds.reduce((s, f) => s + f.marketValue, 0) +
    marginView.reduce((s, m) => s + m.unrealizedPnl, 0);
  return {
    cash,
    buyingPower: withdrawable,
    positions: stockPositions,
    marginPositions: marginView,
    fundHoldings: funds,
    totalValuation,
    marginAccountOpen: await isMarginAccountOpen(db, customerId),
  };
}

/** Test and demo support: gives a customer shares (or fund units) at a cost basis. */
export async function grantHolding(db: Db | Tx, customerId: string, code: string, quantity: number, cost: number) {
  await db
    .insert(positions)
    .values({ customerId, instrumentCode: code, quantity, cost })
    .onConflictDoUpdate({
      target: [positions.customerId, positions.instrumentCode],
      set: { quantity: sql`${positions.quantity} + ${quantity}`, cost: sql`${positions.cost} + ${cost}` },
    });
}

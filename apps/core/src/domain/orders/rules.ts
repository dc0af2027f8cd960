import type { FieldError } from "@kakunin/contracts/errors";
import { messageRef } from "@kakunin/contracts/message-ref";
import { marginAccountNotOpenMessage, type OrderRequest } from "@kakunin/contracts/trading";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { accountOpenings, marginPositions } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import { type InstrumentRow, isOnTick, priceLimits, tickSize } from "../market.ts";
import { withdrawableOf } from "../withdrawals.ts";
import { freeHolding } from "./ledger.ts";
import type { OrderRow } from "./rows.ts";

// Validation of an order against market data and the customer's account, and what it holds back.
// Field messages are message ids with values (R36): core's error handler words them in the
// reader's language.

/** 委託保証金率: 30 % of the notional, rounded up to the yen. */
export const marginRequirement = (notional: number) => Math.ceil((notional * 3) / 10);

export const reject = (fields: FieldError[]) => new AppError("order_rejected", 422, { fields });

function checkStockPrice(inst: InstrumentRow, quantity: number, limitPrice: number | null): FieldError[] {
  const fields: FieldError[] = [];
  if (quantity % inst.lotSize !== 0) {
    fields.push({
      path: "quantity",
      message: messageRef("server.order.lotSize", { lot: inst.lotSize }),
      reason: "lot",
    });
  }
  if (limitPrice !== null) {
    const { limitDown, limitUp } = priceLimits(inst.previousClose);
    if (!isOnTick(limitPrice)) {
      fields.push({
        path: "limitPrice",
        message: messageRef("server.order.tickSize", { tick: tickSize(limitPrice) }),
        reason: "tick",
      });
    } else if (limitPrice < limitDown || limitPrice > limitUp) {
      fields.push({
        path: "limitPrice",
        message: messageRef("server.order.priceLimit", { limitDown, limitUp }),
        reason: "price_limit",
      });
    }
  }
  return fields;
}

/** What a stock order holds back from withdrawable (yen). */
export function cashReserveFor(
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

export const buyingPowerError = (path: string, withdrawable: number): FieldError => ({
  path,
  message: messageRef("server.order.buyingPower", { amount: withdrawable }),
  reason: "buying_power",
});

export const unknownInstrumentError = (request: OrderRequest): FieldError => ({
  path: request.kind === "stock" ? "instrumentCode" : "fundCode",
  message: "server.order.unknownInstrument",
  reason: "unknown_instrument",
});

/** More shares or units to sell than the customer holds free of other orders. */
export const holdingsError = (kind: "stock" | "fund", free: number): FieldError =>
  kind === "stock"
    ? { path: "quantity", message: messageRef("server.order.sellableQuantity", { quantity: free }), reason: "holdings" }
    : { path: "units", message: messageRef("server.order.redeemableUnits", { units: free }), reason: "holdings" };

export const marginPositionError: FieldError = {
  path: "quantity",
  message: "server.order.noMarginPosition",
  reason: "margin_position",
};

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

// 審査中 and 未開設 alike; `account` is the field the SPA shows it on (取引区分).
const marginAccountError: FieldError = {
  path: "account",
  message: marginAccountNotOpenMessage,
  reason: "margin_account",
};

/** 返済: the oldest opposite-side position of this issue with enough free quantity. */
async function closablePosition(
  db: Db | Tx,
  customerId: string,
  inst: InstrumentRow,
  o: { side: "buy" | "sell"; quantity: number },
): Promise<string | null> {
  const [pos] = await db
    .select({ id: marginPositions.id })
    .from(marginPositions)
    .where(
      and(
        eq(marginPositions.customerId, customerId),
        eq(marginPositions.instrumentCode, inst.code),
        ne(marginPositions.side, o.side),
        sql`${marginPositions.quantity} - ${marginPositions.reservedQuantity} >= ${o.quantity}`,
      ),
    )
    .orderBy(asc(marginPositions.openedAt))
    .limit(1);
  return pos?.id ?? null;
}

/**
 * Every rule a new order must meet (issue 17 B2), read without changing anything: for 信用新規
 * the 信用取引口座 first (without it nothing else matters), then lot, tick and the daily price
 * limits, and only with a valid price what it needs: the margin position a 返済 closes, the
 * free shares or units a sell needs, the cash a buy (or a 信用新規's margin) holds back.
 *
 * One function for both callers: the check before the confirmation (`checkOrder`, so the
 * customer hears it before typing the 執行パスワード) and placeOrder itself, inside its
 * transaction with `lock` = "share" on the account's status. placeOrder's conditional
 * UPDATEs stay the authority against a concurrent order or withdrawal.
 */
export async function orderRefusals(
  db: Db | Tx,
  customerId: string,
  inst: InstrumentRow,
  request: OrderRequest,
  lock?: "share",
): Promise<{ refusals: FieldError[]; marginPositionId: string | null }> {
  const none = { refusals: [], marginPositionId: null };
  if (request.kind === "fund") {
    if (request.side === "sell") {
      const free = await freeHolding(db, customerId, inst.code);
      return (request.units ?? 0) > free ? { refusals: [holdingsError("fund", free)], marginPositionId: null } : none;
    }
    const withdrawable = await withdrawableOf(db, customerId);
    return (request.amount ?? 0) > withdrawable
      ? { refusals: [buyingPowerError("amount", withdrawable)], marginPositionId: null }
      : none;
  }

  if (request.account === "margin" && request.marginAction === "open") {
    if (!(await isMarginAccountOpen(db, customerId, lock)))
      return { refusals: [marginAccountError], marginPositionId: null };
  }
  const priceRefusals = checkStockPrice(inst, request.quantity, request.limitPrice);
  if (priceRefusals.length > 0) return { refusals: priceRefusals, marginPositionId: null };

  const refusals: FieldError[] = [];
  let marginPositionId: string | null = null;
  if (request.marginAction === "close") {
    marginPositionId = await closablePosition(db, customerId, inst, request);
    if (!marginPositionId) refusals.push(marginPositionError);
  } else if (request.account === "cash" && request.side === "sell") {
    const free = await freeHolding(db, customerId, inst.code);
    if (request.quantity > free) refusals.push(holdingsError("stock", free));
  }
  const reserve = cashReserveFor(inst, request, request.quantity, request.limitPrice);
  if (reserve > 0) {
    const withdrawable = await withdrawableOf(db, customerId);
    if (reserve > withdrawable) refusals.push(buyingPowerError("quantity", withdrawable));
  }
  return { refusals, marginPositionId };
}

export const crosses = (o: Pick<OrderRow, "side" | "priceType" | "limitPrice">, price: number) =>
  o.priceType === "market" ||
  (o.limitPrice !== null && (o.side === "buy" ? price <= o.limitPrice : price >= o.limitPrice));

/** The part of a 信用返済 order's position not yet held back by other 返済 orders. */
async function freeMarginQuantity(db: Db | Tx, positionId: string): Promise<number> {
  const [row] = await db
    .select({ free: sql<number>`(${marginPositions.quantity} - ${marginPositions.reservedQuantity})::bigint` })
    .from(marginPositions)
    .where(eq(marginPositions.id, positionId));
  return Number(row?.free ?? 0);
}

/**
 * Every rule a 訂正 must meet (issue 17 B2), read without changing anything, like
 * orderRefusals for a new order: for 信用新規 the 信用取引口座 still 開設済, then lot, tick and
 * the daily price limits, then only what the 訂正 needs beyond what the order already holds
 * back: more cash (買付余力), more shares, or more of the 建玉 a 返済 closes.
 *
 * Used by the check before 訂正確認 and by modifyOrder in its transaction (`lock` = "share" on
 * the account's status); modifyOrder's conditional UPDATEs stay the authority against a
 * concurrent order or withdrawal.
 */
export async function modificationRefusals(
  db: Db | Tx,
  customerId: string,
  inst: InstrumentRow,
  order: OrderRow,
  change: { quantity: number; limitPrice: number },
  lock?: "share",
): Promise<FieldError[]> {
  const { quantity, limitPrice } = change;
  if (order.account === "margin" && order.marginAction === "open") {
    if (!(await isMarginAccountOpen(db, customerId, lock))) return [marginAccountError];
  }
  const priceRefusals = checkStockPrice(inst, quantity, limitPrice);
  if (priceRefusals.length > 0) return priceRefusals;

  const refusals: FieldError[] = [];
  const cashDelta = cashReserveFor(inst, order, quantity, limitPrice) - order.reservedCash;
  if (cashDelta > 0) {
    const withdrawable = await withdrawableOf(db, customerId);
    if (cashDelta > withdrawable) refusals.push(buyingPowerError("quantity", withdrawable));
  }
  const quantityDelta = order.reservedQuantity > 0 ? quantity - order.reservedQuantity : 0;
  if (quantityDelta > 0) {
    if (order.marginPositionId) {
      if (quantityDelta > (await freeMarginQuantity(db, order.marginPositionId))) refusals.push(marginQuantityError);
    } else {
      const free = await freeHolding(db, customerId, order.instrumentCode);
      if (quantityDelta > free) refusals.push(holdingsError("stock", order.reservedQuantity + free));
    }
  }
  return refusals;
}

/** A 訂正 of a 返済 beyond the position's quantity not held by other orders. */
export const marginQuantityError: FieldError = {
  path: "quantity",
  message: "server.order.marginQuantity",
  reason: "margin_position",
};

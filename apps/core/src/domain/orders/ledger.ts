import { and, eq, gte, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { cashBalances, marginPositions, positions } from "../../db/schema.ts";
import type { OrderRow } from "./rows.ts";

/**
 * Orders, cash and positions (R17, R18, R19). Money is integer yen throughout.
 *
 * - `cash_balances.withdrawable` is the free cash: 買付余力 and 出金可能額 alike.
 * - 信用新規 orders (and their 訂正) need the customer's 信用取引口座 開設済; its row is read
 *   under a share lock in the order's transaction, so no status change slips in between
 *   (rules.ts). 返済 is always allowed: closing a position only lowers the customer's risk,
 *   and refusing it would trap them in a position opened while the account was open.
 * - Placing an order reserves what it may need with one conditional UPDATE (as a
 *   withdrawal does): cash for buys (limit price × quantity, or the daily upper limit ×
 *   quantity for 成行), 30 % of the notional for margin 新規, shares/units for sells, the
 *   quantity of the margin position a 返済 closes. The reservation is stored on the order.
 * - A fill, a cancel and an expiry each lock the order row and require `status = 'open'`,
 *   so exactly one of them happens; each settles the reservation in the same transaction as
 *   the status change, its audit record and its mail (R25).
 *
 * This file holds the cash and holdings primitives, all run inside the caller's transaction;
 * place.ts, modify-cancel.ts and fills.ts are the operations built on them.
 */
export async function debitIfAvailable(tx: Tx, customerId: string, amount: number): Promise<boolean> {
  if (amount === 0) return true;
  const [row] = await tx
    .update(cashBalances)
    .set({ withdrawable: sql`${cashBalances.withdrawable} - ${amount}`, updatedAt: sql`now()` })
    .where(and(eq(cashBalances.customerId, customerId), gte(cashBalances.withdrawable, amount)))
    .returning({ withdrawable: cashBalances.withdrawable });
  return Boolean(row);
}

export async function credit(tx: Tx, customerId: string, amount: number) {
  if (amount === 0) return;
  await tx
    .update(cashBalances)
    .set({ withdrawable: sql`${cashBalances.withdrawable} + ${amount}`, updatedAt: sql`now()` })
    .where(eq(cashBalances.customerId, customerId));
}

/** Holds back `quantity` shares/units of a holding for a sell; false when not enough are free. */
export async function reserveHolding(tx: Tx, customerId: string, code: string, quantity: number): Promise<boolean> {
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

export async function releaseHolding(tx: Tx, customerId: string, code: string, quantity: number) {
  if (quantity === 0) return;
  await tx
    .update(positions)
    .set({ reservedQuantity: sql`${positions.reservedQuantity} - ${quantity}`, updatedAt: sql`now()` })
    .where(and(eq(positions.customerId, customerId), eq(positions.instrumentCode, code)));
}

export async function freeHolding(tx: Db | Tx, customerId: string, code: string): Promise<number> {
  const [row] = await tx
    .select({ free: sql<number>`(${positions.quantity} - ${positions.reservedQuantity})::bigint` })
    .from(positions)
    .where(and(eq(positions.customerId, customerId), eq(positions.instrumentCode, code)));
  return Number(row?.free ?? 0);
}

export async function reserveMarginPosition(tx: Tx, positionId: string, quantity: number): Promise<boolean> {
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

export async function releaseMarginPosition(tx: Tx, positionId: string, quantity: number) {
  if (quantity === 0) return;
  await tx
    .update(marginPositions)
    .set({ reservedQuantity: sql`${marginPositions.reservedQuantity} - ${quantity}` })
    .where(eq(marginPositions.id, positionId));
}

/** Adds a bought `quantity` of shares/units at `cost` yen to the customer's holding (opened if none). */
export async function addToHolding(tx: Tx, customerId: string, code: string, quantity: number, cost: number) {
  await tx
    .insert(positions)
    .values({ customerId, instrumentCode: code, quantity, cost })
    .onConflictDoUpdate({
      target: [positions.customerId, positions.instrumentCode],
      set: {
        quantity: sql`${positions.quantity} + ${quantity}`,
        cost: sql`${positions.cost} + ${cost}`,
        updatedAt: sql`now()`,
      },
    });
}

/** Sells `quantity` of a holding of which `reserved` was held back; the cost basis shrinks pro rata. */
export async function reduceHolding(tx: Tx, customerId: string, code: string, quantity: number, reserved: number) {
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

/** Gives back what an open order holds (cash, shares/units, margin position quantity). */
export async function releaseReservation(tx: Tx, order: OrderRow) {
  await credit(tx, order.customerId, order.reservedCash);
  if (order.reservedQuantity > 0) {
    if (order.marginAction === "close" && order.marginPositionId) {
      await releaseMarginPosition(tx, order.marginPositionId, order.reservedQuantity);
    } else {
      await releaseHolding(tx, order.customerId, order.instrumentCode, order.reservedQuantity);
    }
  }
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

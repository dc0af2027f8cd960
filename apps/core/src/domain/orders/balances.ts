import type { Balances } from "@kakunin/contracts/trading";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { instruments, marginPositions, orders, positions } from "../../db/schema.ts";
import { withdrawableOf } from "../withdrawals.ts";
import { requireCustomer } from "./rows.ts";
import { isMarginAccountOpen } from "./rules.ts";

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

import type { ClientContext } from "@kakunin/contracts/core-api";
import { cursorKeys, PAGE_SIZES } from "@kakunin/contracts/pagination";
import type { Order } from "@kakunin/contracts/trading";
import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { customers, instruments, orders } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import { afterPosition, microsOf, positionOf, toPage } from "../pagination.ts";

// Order rows: reading and locking them, and showing them as the contracts' `Order`.

/** Who places, changes or cancels an order, and from where (for the audit trail). */
export interface OrderActor {
  customerId: string;
  client: ClientContext;
  requestId?: string | undefined;
}

export type OrderRow = typeof orders.$inferSelect;

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

export async function requireCustomer(db: Db | Tx, customerId: string) {
  const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  return row;
}

export async function instrumentOf(tx: Db | Tx, code: string, lock?: "share" | "update") {
  const query = tx.select().from(instruments).where(eq(instruments.code, code));
  const [row] = lock ? await query.for(lock) : await query;
  if (!row) throw new Error(`instrument ${code} missing`);
  return row;
}

export async function nameOf(db: Db | Tx, code: string) {
  return (await instrumentOf(db, code)).name;
}

/** Locks an order and returns it only while it is still open (the fill/cancel/expire gate). */
export async function lockOpenOrder(tx: Tx, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  return row?.status === "open" ? row : undefined;
}

export async function lockCustomerOrder(tx: Tx, customerId: string, orderNumber: string) {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, customerId), eq(orders.orderNumber, orderNumber)))
    .for("update");
  if (!row) throw new AppError("not_found", 404);
  return row;
}

export async function findByKey(db: Db | Tx, customerId: string, requestKey: string) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, customerId), eq(orders.requestKey, requestKey)));
  return row;
}

/**
 * 注文照会: one page, newest first (issue 16). Keyset on (created_at, 注文番号), served by the
 * index orders_customer_time_number; `cursor` is the route's validated `?cursor=`.
 */
export async function listOrders(
  db: Db,
  customerId: string,
  page: { cursor?: string | undefined; limit?: number } = {},
): Promise<{ orders: Order[]; nextCursor: string | null }> {
  const limit = page.limit ?? PAGE_SIZES.orders;
  const position = positionOf(page.cursor, cursorKeys.orders);
  await requireCustomer(db, customerId);
  const rows = await db
    .select({ order: orders, name: instruments.name, at: microsOf(orders.createdAt) })
    .from(orders)
    .innerJoin(instruments, eq(instruments.code, orders.instrumentCode))
    .where(
      and(
        eq(orders.customerId, customerId),
        position ? afterPosition(orders.createdAt, orders.orderNumber, position, "text") : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.orderNumber))
    .limit(limit + 1);
  const shown = toPage(rows, limit, (r) => ({ at: r.at, key: r.order.orderNumber }));
  return { orders: shown.rows.map((r) => toOrder(r.order, r.name)), nextCursor: shown.nextCursor };
}

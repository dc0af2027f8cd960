// Trading (R17, R18): instruments, orders, 現物 holdings and 信用建玉.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { ownedByCustomer } from "./customers.ts";

/**
 * 銘柄 (R17, R18): Tokyo Stock Exchange issues and mutual funds, reference data seeded by
 * the migration. `price` is the simulated current price (integer yen); for funds the latest
 * NAV per 10,000 units (基準価額). Daily price limits derive from `previous_close`.
 * `step` counts simulated moves, so the next move is a function of (seed, code, step).
 */
export const instruments = pgTable(
  "instruments",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["stock", "fund"] }).notNull(),
    lotSize: integer("lot_size").notNull(),
    price: bigint("price", { mode: "number" }).notNull(),
    previousClose: bigint("previous_close", { mode: "number" }).notNull(),
    step: integer("step").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("instruments_price_positive", sql`${t.price} > 0 and ${t.previousClose} > 0`)],
);

/** The 銘柄 a row is about. */
const instrumentOfRow = () =>
  text("instrument_code")
    .notNull()
    .references(() => instruments.code);

/** Issues 注文番号: O00000001, O00000002, … */
export const orderNumberSeq = pgSequence("order_number_seq", { startWith: 1, minValue: 1, maxValue: 99999999 });

/**
 * 注文 (R17, R18). What an open order holds back is stored on the order: `reserved_cash`
 * (taken from `cash_balances.withdrawable` at placement) and `reserved_quantity` (shares or
 * fund units held on `positions`, or on the margin position it closes). Filling, cancelling
 * and expiring lock the row and require `status = 'open'`, so exactly one of them wins.
 */
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    orderNumber: text("order_number")
      .notNull()
      .unique()
      .default(sql`('O' || lpad(nextval('order_number_seq')::text, 8, '0'))`),
    customerId: ownedByCustomer(),
    kind: text("kind", { enum: ["stock", "fund"] }).notNull(),
    instrumentCode: instrumentOfRow(),
    side: text("side", { enum: ["buy", "sell"] }).notNull(),
    account: text("account", { enum: ["cash", "margin"] }),
    marginAction: text("margin_action", { enum: ["open", "close"] }),
    /** The margin position a 返済 order closes. */
    marginPositionId: uuid("margin_position_id"),
    quantity: bigint("quantity", { mode: "number" }),
    amount: bigint("amount", { mode: "number" }),
    units: bigint("units", { mode: "number" }),
    priceType: text("price_type", { enum: ["market", "limit"] }),
    limitPrice: bigint("limit_price", { mode: "number" }),
    status: text("status", { enum: ["open", "filled", "cancelled", "expired"] })
      .notNull()
      .default("open"),
    reservedCash: bigint("reserved_cash", { mode: "number" }).notNull().default(0),
    reservedQuantity: bigint("reserved_quantity", { mode: "number" }).notNull().default(0),
    filledPrice: bigint("filled_price", { mode: "number" }),
    filledQuantity: bigint("filled_quantity", { mode: "number" }),
    /** Yen paid or received on fill (funds: the amount; stocks: price × quantity). */
    filledAmount: bigint("filled_amount", { mode: "number" }),
    filledAt: timestamp("filled_at", { withTimezone: true }),
    requestKey: text("request_key").notNull(),
    /** Request key of the last 訂正 or 取消 (`request_keys` holds every key and decides replays). */
    lastActionKey: text("last_action_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("orders_customer_request_key").on(t.customerId, t.requestKey),
    // 注文照会's keyset (created_at, 注文番号) per customer (issue 16): each page is one index range.
    index("orders_customer_time_number").on(t.customerId, t.createdAt, t.orderNumber),
    // 残高照会 sums what the customer's open orders hold back: read from this index alone,
    // however many filled or cancelled orders the customer has (issue 16).
    index("orders_customer_open").on(t.customerId, t.reservedCash).where(sql`${t.status} = 'open'`),
    index("orders_open_instrument").on(t.instrumentCode).where(sql`${t.status} = 'open'`),
    check("orders_reserved_nonnegative", sql`${t.reservedCash} >= 0 and ${t.reservedQuantity} >= 0`),
  ],
);

/**
 * 現物 holdings of stocks (shares) and funds (units). `cost` is the total yen paid for the
 * current quantity (the average price is cost / quantity); `reserved_quantity` is held back
 * by open sell orders.
 */
export const positions = pgTable(
  "positions",
  {
    customerId: ownedByCustomer(),
    instrumentCode: instrumentOfRow(),
    quantity: bigint("quantity", { mode: "number" }).notNull(),
    reservedQuantity: bigint("reserved_quantity", { mode: "number" }).notNull().default(0),
    cost: bigint("cost", { mode: "number" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.instrumentCode] }),
    check("positions_quantities", sql`${t.reservedQuantity} >= 0 and ${t.quantity} >= ${t.reservedQuantity}`),
  ],
);

/**
 * 信用建玉: a margin position, opened by a filled 新規 order. `required_margin` (委託保証金)
 * was taken from withdrawable and is released, with the realized P&L, by 返済.
 */
export const marginPositions = pgTable(
  "margin_positions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    customerId: ownedByCustomer(),
    instrumentCode: instrumentOfRow(),
    side: text("side", { enum: ["buy", "sell"] }).notNull(),
    quantity: bigint("quantity", { mode: "number" }).notNull(),
    reservedQuantity: bigint("reserved_quantity", { mode: "number" }).notNull().default(0),
    openPrice: bigint("open_price", { mode: "number" }).notNull(),
    requiredMargin: bigint("required_margin", { mode: "number" }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("margin_positions_customer").on(t.customerId, t.instrumentCode),
    check(
      "margin_positions_quantities",
      sql`${t.reservedQuantity} >= 0 and ${t.quantity} >= ${t.reservedQuantity} and ${t.requiredMargin} >= 0`,
    ),
  ],
);

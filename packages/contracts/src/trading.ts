import { z } from "zod";
import { nextCursorSchema } from "./pagination.ts";

/**
 * Trading (R17–R19): Japanese stocks (cash and margin) and mutual funds. One schema per
 * form, validated by the SPA, the BFF and core; rules that need market data (lot size,
 * tick size, price limits, buying power, holdings) are core's and answer field errors.
 */
export const instrumentCodeSchema = z
  .string({ error: "validation.instrumentCode.required" })
  .trim()
  .regex(/^\d{4}$/, "validation.instrumentCode.format");

export const fundCodeSchema = z.string().regex(/^F\d{3}$/, "validation.fundCode.select");

export const instrumentSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(["stock", "fund"]),
  /** Shares per trading unit (単元株数); 1 for funds. */
  lotSize: z.number().int().positive(),
  /** Current price (yen); for funds the latest NAV per 10,000 units (基準価額). */
  price: z.number().positive(),
  previousClose: z.number().positive(),
  /** Daily price limits (値幅制限) from the previous close; null for funds. */
  limitUp: z.number().positive().nullable(),
  limitDown: z.number().positive().nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Instrument = z.infer<typeof instrumentSchema>;
export const instrumentListSchema = z.object({ instruments: z.array(instrumentSchema) });

export const sideSchema = z.enum(["buy", "sell"], { error: "validation.side.select" });
export const sideLabels = { buy: "買", sell: "売" } as const;

/** Shares of a stock order or its 訂正. */
const quantitySchema = z.coerce
  .number({ error: "validation.quantity.number" })
  .int("validation.quantity.integer")
  .positive("validation.quantity.required")
  .max(10_000_000, "validation.quantity.tooLarge");

/** A limit price in yen. */
const priceSchema = z.coerce.number({ error: "validation.price.number" }).positive("validation.price.required");

/** 株式注文 input. Margin orders open (新規) or close (返済) a margin position. */
export const stockOrderRequestSchema = z
  .strictObject({
    kind: z.literal("stock"),
    instrumentCode: instrumentCodeSchema,
    side: sideSchema,
    account: z.enum(["cash", "margin"], { error: "validation.account.select" }),
    marginAction: z.enum(["open", "close"]).nullable(),
    quantity: quantitySchema,
    priceType: z.enum(["market", "limit"], { error: "validation.priceType.select" }),
    /** Yen; required for 指値, absent for 成行. */
    limitPrice: priceSchema.nullable(),
  })
  .superRefine((o, ctx) => {
    if (o.account === "margin" && o.marginAction === null) {
      ctx.addIssue({ code: "custom", path: ["marginAction"], message: "validation.marginAction.select" });
    }
    if (o.account === "cash" && o.marginAction !== null) {
      ctx.addIssue({ code: "custom", path: ["marginAction"], message: "validation.marginAction.cash" });
    }
    if (o.priceType === "limit" && o.limitPrice === null) {
      ctx.addIssue({ code: "custom", path: ["limitPrice"], message: "validation.limitPrice.required" });
    }
    if (o.priceType === "market" && o.limitPrice !== null) {
      ctx.addIssue({ code: "custom", path: ["limitPrice"], message: "validation.limitPrice.market" });
    }
  });
export type StockOrderRequest = z.output<typeof stockOrderRequestSchema>;

/**
 * Core's refusal (order_rejected, reason `margin_account`, on `account`) of a 信用新規 order
 * or its 訂正 while the 信用取引口座 is not 開設済; the SPA says the same. 返済 is not refused.
 * A message id: core words it with `contractsTranslator.ref`, the SPA with `tRef`.
 */
export const marginAccountNotOpenMessage = "validation.order.marginAccountNotOpen";

/** 投資信託 buy (金額指定) or sell (口数指定); executes at the next NAV run. */
export const fundOrderRequestSchema = z
  .strictObject({
    kind: z.literal("fund"),
    fundCode: fundCodeSchema,
    side: sideSchema,
    /** Yen, for buys. */
    amount: z.coerce
      .number({ error: "validation.fundAmount.number" })
      .int("validation.fundAmount.integer")
      .min(100, "validation.fundAmount.min")
      .max(1_000_000_000, "validation.fundAmount.tooLarge")
      .nullable(),
    /** Units (口), for sells. */
    units: z.coerce
      .number({ error: "validation.units.number" })
      .int("validation.units.integer")
      .positive("validation.units.required")
      .max(10_000_000_000, "validation.units.tooLarge")
      .nullable(),
  })
  .superRefine((o, ctx) => {
    if (o.side === "buy" && o.amount === null)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "validation.fundOrder.amountRequired" });
    if (o.side === "sell" && o.units === null)
      ctx.addIssue({ code: "custom", path: ["units"], message: "validation.fundOrder.unitsRequired" });
  });
export type FundOrderRequest = z.output<typeof fundOrderRequestSchema>;

export const orderRequestSchema = z.discriminatedUnion("kind", [stockOrderRequestSchema, fundOrderRequestSchema]);
export type OrderRequest = z.output<typeof orderRequestSchema>;

/**
 * The answer to an order's check before its confirmation (issue 17 B2): it may be confirmed.
 * A refusal is 422 order_rejected with the fields, as placing it would answer.
 */
export const orderCheckSchema = z.object({ ok: z.literal(true) });

/** 注文番号 as core issues them: "O" and 8 digits (O00000001). */
export const orderNumberSchema = z
  .string({ error: "validation.orderNumber.required" })
  .regex(/^O\d{8}$/, "validation.orderNumber.format");

/** 訂正 of an open limit order: new price and/or a smaller or larger quantity. */
export const modifyOrderRequestSchema = z.strictObject({
  orderNumber: orderNumberSchema,
  quantity: quantitySchema,
  limitPrice: priceSchema,
});
export type ModifyOrderRequest = z.output<typeof modifyOrderRequestSchema>;

/** 取消. */
export const cancelOrderRequestSchema = z.strictObject({ orderNumber: orderNumberSchema });
export type CancelOrderRequest = z.output<typeof cancelOrderRequestSchema>;

export const orderStatusSchema = z.enum(["open", "filled", "cancelled", "expired"]);
export const orderStatusLabels = { open: "注文中", filled: "約定済", cancelled: "取消済", expired: "失効" } as const;

export const orderSchema = z.object({
  orderNumber: z.string(),
  kind: z.enum(["stock", "fund"]),
  instrumentCode: z.string(),
  instrumentName: z.string(),
  side: sideSchema,
  account: z.enum(["cash", "margin"]).nullable(),
  marginAction: z.enum(["open", "close"]).nullable(),
  quantity: z.number().nullable(),
  amount: z.number().nullable(),
  units: z.number().nullable(),
  priceType: z.enum(["market", "limit"]).nullable(),
  limitPrice: z.number().nullable(),
  status: orderStatusSchema,
  filledPrice: z.number().nullable(),
  filledQuantity: z.number().nullable(),
  filledAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Order = z.infer<typeof orderSchema>;

/**
 * The answer to a new order: the order and, when it was just placed, where its fill is (or,
 * filled at once, was) notified: the masked address of 取引(約定)通知 / 投信約定通知メール,
 * null when 配信不要. Absent on a replay. Issue 17 B7: the completion says what will happen.
 */
export const orderReceiptSchema = orderSchema.extend({
  executionMailTo: z.string().nullable().optional(),
});
export type OrderReceipt = z.infer<typeof orderReceiptSchema>;
/** 注文照会, one page (issue 16): `nextCursor` fetches the next, null on the last. */
export const orderListSchema = z.object({ orders: z.array(orderSchema), nextCursor: nextCursorSchema });

/** 残高照会. */
export const balancesSchema = z.object({
  cash: z.number().int(),
  /** 買付余力: cash not reserved by open orders or margin requirements. */
  buyingPower: z.number().int(),
  positions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      /** Shares held back by open sell orders. */
      reservedQuantity: z.number().int(),
      averagePrice: z.number(),
      price: z.number(),
      marketValue: z.number(),
      unrealizedPnl: z.number(),
    }),
  ),
  marginPositions: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      side: sideSchema,
      quantity: z.number().int(),
      openPrice: z.number(),
      price: z.number(),
      unrealizedPnl: z.number(),
      /** 委託保証金 held for this position. */
      requiredMargin: z.number().int(),
    }),
  ),
  fundHoldings: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      units: z.number().int(),
      nav: z.number(),
      marketValue: z.number().int(),
    }),
  ),
  totalValuation: z.number(),
  /**
   * Whether the 信用取引口座 is 開設済: core refuses 信用新規 orders (and their 訂正) otherwise
   * (order_rejected, reason margin_account), and the order screen says so up front. 返済 is
   * always taken.
   */
  marginAccountOpen: z.boolean(),
});
export type Balances = z.infer<typeof balancesSchema>;

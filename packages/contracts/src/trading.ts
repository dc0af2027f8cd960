import { z } from "zod";
import { nextCursorSchema } from "./pagination.ts";

/**
 * Trading (R17–R19): Japanese stocks (cash and margin) and mutual funds. One schema per
 * form, validated by the SPA, the BFF and core; rules that need market data (lot size,
 * tick size, price limits, buying power, holdings) are core's and answer field errors.
 */
export const instrumentCodeSchema = z
  .string({ error: "銘柄コードを入力してください。" })
  .trim()
  .regex(/^\d{4}$/, "銘柄コードは4桁の半角数字で入力してください。");

export const fundCodeSchema = z.string().regex(/^F\d{3}$/, "ファンドを選択してください。");

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

export const sideSchema = z.enum(["buy", "sell"], { error: "売買を選択してください。" });
export const sideLabels = { buy: "買", sell: "売" } as const;

/** 株式注文 input. Margin orders open (新規) or close (返済) a margin position. */
export const stockOrderRequestSchema = z
  .strictObject({
    kind: z.literal("stock"),
    instrumentCode: instrumentCodeSchema,
    side: sideSchema,
    account: z.enum(["cash", "margin"], { error: "現物／信用を選択してください。" }),
    marginAction: z.enum(["open", "close"]).nullable(),
    quantity: z.coerce
      .number({ error: "数量は半角数字で入力してください。" })
      .int("数量は整数で入力してください。")
      .positive("数量を入力してください。")
      .max(10_000_000, "数量が大きすぎます。"),
    priceType: z.enum(["market", "limit"], { error: "成行／指値を選択してください。" }),
    /** Yen; required for 指値, absent for 成行. */
    limitPrice: z.coerce
      .number({ error: "価格は半角数字で入力してください。" })
      .positive("価格を入力してください。")
      .nullable(),
  })
  .superRefine((o, ctx) => {
    if (o.account === "margin" && o.marginAction === null) {
      ctx.addIssue({ code: "custom", path: ["marginAction"], message: "新規／返済を選択してください。" });
    }
    if (o.account === "cash" && o.marginAction !== null) {
      ctx.addIssue({ code: "custom", path: ["marginAction"], message: "現物取引では新規／返済は選択できません。" });
    }
    if (o.priceType === "limit" && o.limitPrice === null) {
      ctx.addIssue({ code: "custom", path: ["limitPrice"], message: "指値の価格を入力してください。" });
    }
    if (o.priceType === "market" && o.limitPrice !== null) {
      ctx.addIssue({ code: "custom", path: ["limitPrice"], message: "成行注文では価格を指定できません。" });
    }
  });
export type StockOrderRequest = z.output<typeof stockOrderRequestSchema>;

/**
 * Core's refusal (order_rejected, reason `margin_account`, on `account`) of a 信用新規 order
 * or its 訂正 while the 信用取引口座 is not 開設済; the SPA says the same. 返済 is not refused.
 */
export const marginAccountNotOpenMessage =
  "信用取引口座が開設されていないため、信用取引の新規建てのご注文はお受けできません。";

/** 投資信託 buy (金額指定) or sell (口数指定); executes at the next NAV run. */
export const fundOrderRequestSchema = z
  .strictObject({
    kind: z.literal("fund"),
    fundCode: fundCodeSchema,
    side: sideSchema,
    /** Yen, for buys. */
    amount: z.coerce
      .number({ error: "金額は半角数字で入力してください。" })
      .int("金額は1円単位で入力してください。")
      .min(100, "金額は100円以上で入力してください。")
      .max(1_000_000_000, "金額が大きすぎます。")
      .nullable(),
    /** Units (口), for sells. */
    units: z.coerce
      .number({ error: "口数は半角数字で入力してください。" })
      .int("口数は整数で入力してください。")
      .positive("口数を入力してください。")
      .max(10_000_000_000, "口数が大きすぎます。")
      .nullable(),
  })
  .superRefine((o, ctx) => {
    if (o.side === "buy" && o.amount === null)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "買付金額を入力してください。" });
    if (o.side === "sell" && o.units === null)
      ctx.addIssue({ code: "custom", path: ["units"], message: "解約口数を入力してください。" });
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
  .string({ error: "注文番号を指定してください。" })
  .regex(/^O\d{8}$/, "注文番号の形式が正しくありません。");

/** 訂正 of an open limit order: new price and/or a smaller or larger quantity. */
export const modifyOrderRequestSchema = z.strictObject({
  orderNumber: orderNumberSchema,
  quantity: z.coerce
    .number({ error: "数量は半角数字で入力してください。" })
    .int("数量は整数で入力してください。")
    .positive("数量を入力してください。")
    .max(10_000_000, "数量が大きすぎます。"),
  limitPrice: z.coerce.number({ error: "価格は半角数字で入力してください。" }).positive("価格を入力してください。"),
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

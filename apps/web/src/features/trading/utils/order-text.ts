import type { Order, StockOrderRequest } from "@kakunin/contracts/trading";
import { sideLabels } from "@kakunin/contracts/trading";
import { formatCount, formatPrice, formatYen } from "../../../lib/format.ts";

/** 取引区分 as the customer chooses it: one choice for account + marginAction. */
export type TradeType = "cash" | "margin_open" | "margin_close";

export const tradeTypeLabels: Record<TradeType, string> = {
  cash: "現物",
  margin_open: "信用新規",
  margin_close: "信用返済",
};

export function tradeTypeOf(account: Order["account"], marginAction: Order["marginAction"]): TradeType {
  if (account === "margin") return marginAction === "close" ? "margin_close" : "margin_open";
  return "cash";
}

export function accountOf(tradeType: TradeType): Pick<StockOrderRequest, "account" | "marginAction"> {
  if (tradeType === "margin_open") return { account: "margin", marginAction: "open" };
  if (tradeType === "margin_close") return { account: "margin", marginAction: "close" };
  return { account: "cash", marginAction: null };
}

export const priceTypeLabels = { market: "成行", limit: "指値" } as const;

/** 投資信託 says 買付 / 解約 where stocks say 買 / 売. */
export const fundSideLabels = { buy: "買付", sell: "解約" } as const;

export function sideText(order: Pick<Order, "kind" | "side">): string {
  return order.kind === "fund" ? fundSideLabels[order.side] : sideLabels[order.side];
}

/** 数量・金額: 100株, 10,000円 (投信の買付) or 5,000口 (解約). */
export function quantityText(order: Pick<Order, "kind" | "quantity" | "amount" | "units">): string {
  if (order.kind === "stock") return order.quantity === null ? "—" : `${formatCount(order.quantity)}株`;
  if (order.amount !== null) return formatYen(order.amount);
  if (order.units !== null) return `${formatCount(order.units)}口`;
  return "—";
}

/** 執行条件: 成行, 指値 1,500円; funds execute at the next 基準価額. */
export function priceTypeText(order: Pick<Order, "kind" | "priceType" | "limitPrice">): string {
  if (order.kind === "fund") return "基準価額";
  if (order.priceType === "limit" && order.limitPrice !== null) return `指値 ${formatPrice(order.limitPrice)}`;
  return order.priceType ? priceTypeLabels[order.priceType] : "—";
}

/** 概算金額 of a stock order: the limit price, or for 成行 the current price. */
export function estimateOf(request: StockOrderRequest, currentPrice: number | undefined): number | undefined {
  const price = request.limitPrice ?? currentPrice;
  return price === undefined ? undefined : Math.round(price * request.quantity);
}

/** Typed text → what the contract coerces: "" stays empty, anything but a plain number becomes NaN. */
export function numberText(value: string | undefined): string {
  const text = (value ?? "").normalize("NFKC").replace(/[\s,]/g, "");
  if (text === "") return "";
  return /^\d+(\.\d+)?$/.test(text) ? text : "NaN";
}

import type { Order, StockOrderRequest } from "@kakunin/contracts/trading";
import { formatPrice, formatYen } from "../../../lib/format.ts";
import type { Translate } from "../../../lib/i18n/use-t.ts";

/** 取引区分 as the customer chooses it: one choice for account + marginAction. */
export type TradeType = "cash" | "margin_open" | "margin_close";

/** Message ids (tradingCatalog), translated while rendering. */
export const tradeTypeLabels: Record<TradeType, string> = {
  cash: "trading.tradeType.cash",
  margin_open: "trading.tradeType.marginOpen",
  margin_close: "trading.tradeType.marginClose",
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

/** 買 / 売 of a stock (ids). */
export const sideLabels = { buy: "trading.side.buy", sell: "trading.side.sell" } as const;

export const priceTypeLabels = { market: "trading.priceType.market", limit: "trading.priceType.limit" } as const;

/** 投資信託 says 買付 / 解約 where stocks say 買 / 売 (ids). */
export const fundSideLabels = { buy: "trading.fundSide.buy", sell: "trading.fundSide.sell" } as const;

/** 注文中 / 約定済 / 取消済 / 失効 (ids). */
export const orderStatusLabels: Record<Order["status"], string> = {
  open: "trading.status.open",
  filled: "trading.status.filled",
  cancelled: "trading.status.cancelled",
  expired: "trading.status.expired",
};

/**
 * 1,000株 / "1,000 shares": an ICU plural, whose `#` Lingui writes with the language's digit
 * grouping (as formatCount does), so English can say "1 share".
 */
export function sharesText(t: Translate, count: number): string {
  return t("trading.unit.shares", { count });
}

/** 5,000口 / "5,000 units". */
export function unitsText(t: Translate, count: number): string {
  return t("trading.unit.units", { count });
}

/** トヨタ自動車（7203）: a name from the data with its code. */
export function nameWithCode(t: Translate, name: string, code: string): string {
  return t("trading.instrument.nameWithCode", { name, code });
}

/** 指値 1,500円. */
export function limitPriceText(t: Translate, price: number): string {
  return t("trading.priceType.limitAt", { price: formatPrice(price) });
}

export function sideText(t: Translate, order: Pick<Order, "kind" | "side">): string {
  return t(order.kind === "fund" ? fundSideLabels[order.side] : sideLabels[order.side]);
}

/** 数量・金額: 100株, 10,000円 (投信の買付) or 5,000口 (解約). */
export function quantityText(t: Translate, order: Pick<Order, "kind" | "quantity" | "amount" | "units">): string {
  if (order.kind === "stock") return order.quantity === null ? "—" : sharesText(t, order.quantity);
  if (order.amount !== null) return formatYen(order.amount);
  if (order.units !== null) return unitsText(t, order.units);
  return "—";
}

/** 執行条件: 成行, 指値 1,500円; funds execute at the next 基準価額. */
export function priceTypeText(t: Translate, order: Pick<Order, "kind" | "priceType" | "limitPrice">): string {
  if (order.kind === "fund") return t("trading.priceType.nav");
  if (order.priceType === "limit" && order.limitPrice !== null) return limitPriceText(t, order.limitPrice);
  return order.priceType ? t(priceTypeLabels[order.priceType]) : "—";
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

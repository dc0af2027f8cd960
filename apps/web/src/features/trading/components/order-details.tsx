import type { Order } from "@kakunin/contracts/trading";
import { type DescriptionItem, DescriptionList } from "@kakunin/ui/description-list";
import type { ReactNode } from "react";
import { formatJstDateTime, formatPrice } from "../../../lib/format.ts";
import { priceTypeText, quantityText, sideText, tradeTypeLabels, tradeTypeOf } from "../utils/order-text.ts";
import { OrderStatusBadge } from "./order-status-badge.tsx";

export interface OrderDetailsProps {
  order: Order;
  /** Replaces rows by term, e.g. 数量 and 価格 as 変更前 → 変更後 on a 訂正's confirmation. */
  overrides?: Partial<Record<"数量" | "執行条件", ReactNode>>;
  /** Show 状況 and, once filled, 約定価格 (the completion and the 取消 confirmation). */
  withStatus?: boolean;
}

/** One order as a definition list: 注文番号, 銘柄, 売買, 数量, 執行条件 (+ 状況, 約定). */
export function OrderDetails({ order, overrides = {}, withStatus = true }: OrderDetailsProps) {
  const items: DescriptionItem[] = [
    { term: "注文番号", detail: <span className="kk-table__mono">{order.orderNumber}</span> },
    {
      term: "注文日時",
      detail: <time dateTime={order.createdAt}>{formatJstDateTime(order.createdAt)}</time>,
    },
    { term: order.kind === "fund" ? "ファンド" : "銘柄", detail: `${order.instrumentName}（${order.instrumentCode}）` },
    { term: "売買", detail: sideText(order) },
  ];
  if (order.kind === "stock") {
    items.push({ term: "取引区分", detail: tradeTypeLabels[tradeTypeOf(order.account, order.marginAction)] });
  }
  items.push(
    { term: order.kind === "fund" ? "金額・口数" : "数量", detail: overrides.数量 ?? quantityText(order) },
    { term: "執行条件", detail: overrides.執行条件 ?? priceTypeText(order) },
  );
  if (withStatus) {
    items.push({ term: "状況", detail: <OrderStatusBadge status={order.status} /> });
    if (order.status === "filled" && order.filledPrice !== null) {
      items.push({ term: "約定価格", detail: formatPrice(order.filledPrice) });
      if (order.filledAt) {
        items.push({
          term: "約定日時",
          detail: <time dateTime={order.filledAt}>{formatJstDateTime(order.filledAt)}</time>,
        });
      }
    }
  }
  return <DescriptionList items={items} />;
}

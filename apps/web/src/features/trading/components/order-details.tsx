import type { Order } from "@kakunin/contracts/trading";
import { type DescriptionItem, DescriptionList } from "@kakunin/ui/description-list";
import type { ReactNode } from "react";
import { formatJstDateTime, formatPrice } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { tradingCatalog } from "../i18n.ts";
import {
  nameWithCode,
  priceTypeText,
  quantityText,
  sideText,
  tradeTypeLabels,
  tradeTypeOf,
} from "../utils/order-text.ts";
import { OrderStatusBadge } from "./order-status-badge.tsx";

export interface OrderDetailsProps {
  order: Order;
  /** Replaces rows, e.g. 数量 and 執行条件 as 変更前 → 変更後 on a 訂正's confirmation. */
  overrides?: Partial<Record<"quantity" | "priceType", ReactNode>>;
  /** Show 状況 and, once filled, 約定価格 (the completion and the 取消 confirmation). */
  withStatus?: boolean;
}

/** One order as a definition list: 注文番号, 銘柄, 売買, 数量, 執行条件 (+ 状況, 約定). */
export function OrderDetails({ order, overrides = {}, withStatus = true }: OrderDetailsProps) {
  const { t } = useT(tradingCatalog);
  const items: DescriptionItem[] = [
    { term: t("trading.order.number"), detail: <span className="kk-table__mono">{order.orderNumber}</span> },
    {
      term: t("trading.order.createdAt"),
      detail: <time dateTime={order.createdAt}>{formatJstDateTime(order.createdAt)}</time>,
    },
    {
      term: order.kind === "fund" ? t("trading.term.fund") : t("trading.term.instrument"),
      detail: nameWithCode(t, order.instrumentName, order.instrumentCode),
    },
    { term: t("trading.term.side"), detail: sideText(t, order) },
  ];
  if (order.kind === "stock") {
    items.push({
      term: t("trading.term.tradeType"),
      detail: t(tradeTypeLabels[tradeTypeOf(order.account, order.marginAction)]),
    });
  }
  items.push(
    {
      term: order.kind === "fund" ? t("trading.order.amountOrUnits") : t("trading.term.quantity"),
      detail: overrides.quantity ?? quantityText(t, order),
    },
    { term: t("trading.term.priceType"), detail: overrides.priceType ?? priceTypeText(t, order) },
  );
  if (withStatus) {
    items.push({ term: t("trading.order.status"), detail: <OrderStatusBadge status={order.status} /> });
    if (order.status === "filled" && order.filledPrice !== null) {
      items.push({ term: t("trading.order.filledPrice"), detail: formatPrice(order.filledPrice) });
      if (order.filledAt) {
        items.push({
          term: t("trading.order.filledAt"),
          detail: <time dateTime={order.filledAt}>{formatJstDateTime(order.filledAt)}</time>,
        });
      }
    }
  }
  return <DescriptionList items={items} />;
}

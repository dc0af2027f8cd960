import type { Order } from "@kakunin/contracts/trading";
import { Button } from "@kakunin/ui/button";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId } from "react";
import { formatJstDateTime, formatPrice } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
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

/** 訂正 and 取消 are offered for open stock limit orders. */
export function isChangeable(order: Order): boolean {
  return order.kind === "stock" && order.status === "open" && order.priceType === "limit";
}

export interface OrdersTableProps {
  orders: readonly Order[];
  /**
   * 訂正 and 取消 of an open limit order. Without them there is no 訂正・取消 column: while the
   * 執行パスワード is locked, a button leading to a confirmation that cannot be given is left out
   * (issue 17 B6).
   */
  changes?: { onModify: (order: Order) => void; onCancel: (order: Order) => void } | undefined;
}

/** 取引区分 of an order: 現物 / 信用新規 / 信用返済, or 投資信託 (issue 17 B3: 信用 must be told from 現物). */
export function tradeTypeText(t: Translate, order: Pick<Order, "kind" | "account" | "marginAction">): string {
  if (order.kind === "fund") return t("trading.tradeType.fund");
  return t(tradeTypeLabels[tradeTypeOf(order.account, order.marginAction)]);
}

/**
 * 注文照会: 注文番号 (注文日時) / 銘柄 / 取引区分 / 売買 / 数量・金額 / 執行条件 / 状況 (約定価格)
 * (+ 訂正・取消). Few enough columns that 訂正・取消 stays in view at 1280px; cards on a phone.
 */
export function OrdersTable({ orders, changes }: OrdersTableProps) {
  const { t } = useT(tradingCatalog);
  const captionId = useId();
  if (orders.length === 0) return <p>{t("trading.orders.empty")}</p>;
  const headers = {
    number: t("trading.orders.numberAndDate"),
    instrument: t("trading.term.instrument"),
    tradeType: t("trading.term.tradeType"),
    side: t("trading.term.side"),
    quantity: t("trading.orders.quantityOrAmount"),
    priceType: t("trading.term.priceType"),
    status: t("trading.orders.statusAndPrice"),
    changes: t("trading.orders.changes"),
  };
  return (
    <TableRegion labelledBy={captionId}>
      <table className="kk-table kk-table--compact kk-table--cards">
        <caption id={captionId}>{t("trading.orders.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{headers.number}</th>
            <th scope="col">{headers.instrument}</th>
            <th scope="col">{headers.tradeType}</th>
            <th scope="col">{headers.side}</th>
            <th scope="col" className="kk-table__number">
              {headers.quantity}
            </th>
            <th scope="col">{headers.priceType}</th>
            <th scope="col">{headers.status}</th>
            {changes && <th scope="col">{headers.changes}</th>}
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.orderNumber}>
              <td data-label={headers.number} className="kk-table__nowrap">
                <span>
                  <span className="kk-table__mono">{order.orderNumber}</span>
                  <time className="kk-table__sub" dateTime={order.createdAt}>
                    {formatJstDateTime(order.createdAt)}
                  </time>
                </span>
              </td>
              <td data-label={headers.instrument} className="kk-table__name">
                {nameWithCode(t, order.instrumentName, order.instrumentCode)}
              </td>
              <td data-label={headers.tradeType} className="kk-table__nowrap">
                {tradeTypeText(t, order)}
              </td>
              <td data-label={headers.side} className="kk-table__nowrap">
                {sideText(t, order)}
              </td>
              <td data-label={headers.quantity} className="kk-table__nowrap kk-table__number">
                {quantityText(t, order)}
              </td>
              <td data-label={headers.priceType} className="kk-table__nowrap">
                {priceTypeText(t, order)}
              </td>
              <td data-label={headers.status} className="kk-table__nowrap">
                <span>
                  <OrderStatusBadge status={order.status} />
                  {order.filledPrice !== null && (
                    <span className="kk-table__sub">
                      {t("trading.orders.filledPrice", { price: formatPrice(order.filledPrice) })}
                    </span>
                  )}
                </span>
              </td>
              {changes && (
                <td data-label={headers.changes} className="kk-table__nowrap">
                  {isChangeable(order) ? (
                    <span className="kk-actions">
                      <Button
                        variant="secondary"
                        aria-label={t("trading.orders.modifyLabel", { orderNumber: order.orderNumber })}
                        onClick={() => changes.onModify(order)}
                      >
                        {t("trading.orders.modify")}
                      </Button>
                      <Button
                        variant="secondary"
                        aria-label={t("trading.orders.cancelLabel", { orderNumber: order.orderNumber })}
                        onClick={() => changes.onCancel(order)}
                      >
                        {t("trading.orders.cancel")}
                      </Button>
                    </span>
                  ) : (
                    "—"
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

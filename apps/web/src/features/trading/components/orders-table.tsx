import type { Order } from "@kakunin/contracts/trading";
import { Button } from "@kakunin/ui/button";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId } from "react";
import { formatJstDateTime, formatPrice } from "../../../lib/format.ts";
import { priceTypeText, quantityText, sideText, tradeTypeLabels, tradeTypeOf } from "../utils/order-text.ts";
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
export function tradeTypeText(order: Pick<Order, "kind" | "account" | "marginAction">): string {
  if (order.kind === "fund") return "投資信託";
  return tradeTypeLabels[tradeTypeOf(order.account, order.marginAction)];
}

/**
 * 注文照会: 注文番号 (注文日時) / 銘柄 / 取引区分 / 売買 / 数量・金額 / 執行条件 / 状況 (約定価格)
 * (+ 訂正・取消). Few enough columns that 訂正・取消 stays in view at 1280px; cards on a phone.
 */
export function OrdersTable({ orders, changes }: OrdersTableProps) {
  const captionId = useId();
  if (orders.length === 0) return <p>ご注文はありません。</p>;
  return (
    <TableRegion labelledBy={captionId}>
      <table className="kk-table kk-table--compact kk-table--cards">
        <caption id={captionId}>ご注文（日時は日本時間）</caption>
        <thead>
          <tr>
            <th scope="col">注文番号・注文日時</th>
            <th scope="col">銘柄</th>
            <th scope="col">取引区分</th>
            <th scope="col">売買</th>
            <th scope="col" className="kk-table__number">
              数量・金額
            </th>
            <th scope="col">執行条件</th>
            <th scope="col">状況・約定価格</th>
            {changes && <th scope="col">訂正・取消</th>}
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.orderNumber}>
              <td data-label="注文番号・注文日時" className="kk-table__nowrap">
                <span>
                  <span className="kk-table__mono">{order.orderNumber}</span>
                  <time className="kk-table__sub" dateTime={order.createdAt}>
                    {formatJstDateTime(order.createdAt)}
                  </time>
                </span>
              </td>
              <td data-label="銘柄" className="kk-table__name">
                {order.instrumentName}（{order.instrumentCode}）
              </td>
              <td data-label="取引区分" className="kk-table__nowrap">
                {tradeTypeText(order)}
              </td>
              <td data-label="売買" className="kk-table__nowrap">
                {sideText(order)}
              </td>
              <td data-label="数量・金額" className="kk-table__nowrap kk-table__number">
                {quantityText(order)}
              </td>
              <td data-label="執行条件" className="kk-table__nowrap">
                {priceTypeText(order)}
              </td>
              <td data-label="状況・約定価格" className="kk-table__nowrap">
                <span>
                  <OrderStatusBadge status={order.status} />
                  {order.filledPrice !== null && (
                    <span className="kk-table__sub">約定価格 {formatPrice(order.filledPrice)}</span>
                  )}
                </span>
              </td>
              {changes && (
                <td data-label="訂正・取消" className="kk-table__nowrap">
                  {isChangeable(order) ? (
                    <span className="kk-actions">
                      <Button
                        variant="secondary"
                        aria-label={`注文${order.orderNumber}を訂正`}
                        onClick={() => changes.onModify(order)}
                      >
                        訂正
                      </Button>
                      <Button
                        variant="secondary"
                        aria-label={`注文${order.orderNumber}を取消`}
                        onClick={() => changes.onCancel(order)}
                      >
                        取消
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

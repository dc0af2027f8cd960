import type { Order } from "@kakunin/contracts/trading";
import { Button } from "@kakunin/ui/button";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId } from "react";
import { formatJstDateTime, formatPrice } from "../../../lib/format.ts";
import { priceTypeText, quantityText, sideText } from "../utils/order-text.ts";
import { OrderStatusBadge } from "./order-status-badge.tsx";

/** 訂正 and 取消 are offered for open stock limit orders. */
export function isChangeable(order: Order): boolean {
  return order.kind === "stock" && order.status === "open" && order.priceType === "limit";
}

export interface OrdersTableProps {
  orders: readonly Order[];
  onModify: (order: Order) => void;
  onCancel: (order: Order) => void;
}

/** 注文照会: 注文番号 / 銘柄 / 売買 / 数量・金額 / 執行条件 / 状況 / 約定価格 / 注文日時 (+ 訂正・取消). */
export function OrdersTable({ orders, onModify, onCancel }: OrdersTableProps) {
  const captionId = useId();
  if (orders.length === 0) return <p>ご注文はありません。</p>;
  return (
    <TableRegion labelledBy={captionId}>
      <table className="kk-table">
        <caption id={captionId}>ご注文（日時は日本時間）</caption>
        <thead>
          <tr>
            <th scope="col">注文番号</th>
            <th scope="col">銘柄</th>
            <th scope="col">売買</th>
            <th scope="col" className="kk-table__number">
              数量・金額
            </th>
            <th scope="col">執行条件</th>
            <th scope="col">状況</th>
            <th scope="col" className="kk-table__number">
              約定価格
            </th>
            <th scope="col">注文日時</th>
            <th scope="col">訂正・取消</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.orderNumber}>
              <td className="kk-table__mono kk-table__nowrap">{order.orderNumber}</td>
              <td>
                {order.instrumentName}（{order.instrumentCode}）
              </td>
              <td className="kk-table__nowrap">{sideText(order)}</td>
              <td className="kk-table__nowrap kk-table__number">{quantityText(order)}</td>
              <td className="kk-table__nowrap">{priceTypeText(order)}</td>
              <td className="kk-table__nowrap">
                <OrderStatusBadge status={order.status} />
              </td>
              <td className="kk-table__nowrap kk-table__number">
                {order.filledPrice === null ? "—" : formatPrice(order.filledPrice)}
              </td>
              <td className="kk-table__nowrap">
                <time dateTime={order.createdAt}>{formatJstDateTime(order.createdAt)}</time>
              </td>
              <td className="kk-table__nowrap">
                {isChangeable(order) && (
                  <span className="kk-actions">
                    <Button
                      variant="secondary"
                      aria-label={`注文${order.orderNumber}を訂正`}
                      onClick={() => onModify(order)}
                    >
                      訂正
                    </Button>
                    <Button
                      variant="secondary"
                      aria-label={`注文${order.orderNumber}を取消`}
                      onClick={() => onCancel(order)}
                    >
                      取消
                    </Button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

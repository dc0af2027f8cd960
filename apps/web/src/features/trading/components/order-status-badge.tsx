import { type Order, orderStatusLabels } from "@kakunin/contracts/trading";

const badgeClass: Record<Order["status"], string> = {
  open: "kk-badge kk-badge--pending",
  filled: "kk-badge kk-badge--success",
  cancelled: "kk-badge kk-badge--neutral",
  expired: "kk-badge kk-badge--neutral",
};

/** 注文中 / 約定済 / 取消済 / 失効, in words as well as colour. */
export function OrderStatusBadge({ status }: { status: Order["status"] }) {
  return <span className={badgeClass[status]}>{orderStatusLabels[status]}</span>;
}

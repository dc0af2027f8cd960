import type { Order } from "@kakunin/contracts/trading";
import { useT } from "../../../lib/i18n/use-t.ts";
import { tradingCatalog } from "../i18n.ts";
import { orderStatusLabels } from "../utils/order-text.ts";

const badgeClass: Record<Order["status"], string> = {
  open: "kk-badge kk-badge--pending",
  filled: "kk-badge kk-badge--success",
  cancelled: "kk-badge kk-badge--neutral",
  expired: "kk-badge kk-badge--neutral",
};

/** 注文中 / 約定済 / 取消済 / 失効, in words as well as colour. */
export function OrderStatusBadge({ status }: { status: Order["status"] }) {
  const { t } = useT(tradingCatalog);
  return <span className={badgeClass[status]}>{t(orderStatusLabels[status])}</span>;
}

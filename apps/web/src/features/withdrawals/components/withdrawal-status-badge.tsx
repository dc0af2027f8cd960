import type { Withdrawal } from "@kakunin/contracts/withdrawals";
import { useT } from "../../../lib/i18n/use-t.ts";
import { withdrawalsCatalog } from "../i18n.ts";

const badges: Record<Withdrawal["status"], { className: string; label: string }> = {
  受付済: { className: "kk-badge kk-badge--pending", label: "withdrawals.status.received" },
  処理中: { className: "kk-badge kk-badge--pending", label: "withdrawals.status.processing" },
  完了: { className: "kk-badge kk-badge--success", label: "withdrawals.status.completed" },
  取消: { className: "kk-badge kk-badge--neutral", label: "withdrawals.status.cancelled" },
};

/** 受付済 / 処理中 / 完了 / 取消, in words as well as colour. */
export function WithdrawalStatusBadge({ status }: { status: Withdrawal["status"] }) {
  const { t } = useT(withdrawalsCatalog);
  const badge = badges[status];
  return <span className={badge.className}>{t(badge.label)}</span>;
}

import type { Withdrawal } from "@kakunin/contracts/withdrawals";

const badgeClass: Record<Withdrawal["status"], string> = {
  受付済: "kk-badge kk-badge--pending",
  処理中: "kk-badge kk-badge--pending",
  完了: "kk-badge kk-badge--success",
  取消: "kk-badge kk-badge--neutral",
};

/** 受付済 / 処理中 / 完了 / 取消, in words as well as colour. */
export function WithdrawalStatusBadge({ status }: { status: Withdrawal["status"] }) {
  return <span className={badgeClass[status]}>{status}</span>;
}

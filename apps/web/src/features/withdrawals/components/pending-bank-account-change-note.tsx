import type { BankAccountChangeView } from "@kakunin/contracts/withdrawals";
import { formatJstDay } from "../../../lib/format.ts";

/** Withdrawals still go to the registered account until the broker has processed the request (R14). */
export function PendingBankAccountChangeNote({ change }: { change: BankAccountChangeView }) {
  return (
    <p className="kk-note">
      出金先口座の変更を申請中です（<time dateTime={change.requestedAt}>{formatJstDay(change.requestedAt)}</time>
      ）。承認後に切り替わります。
    </p>
  );
}

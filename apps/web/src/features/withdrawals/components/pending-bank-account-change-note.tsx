import type { BankAccountChangeView } from "@kakunin/contracts/withdrawals";
import { formatJstDay } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { withdrawalsCatalog } from "../i18n.ts";
import { withNodes } from "../utils/with-nodes.tsx";

/** Withdrawals still go to the registered account until the broker has processed the request (R14). */
export function PendingBankAccountChangeNote({ change }: { change: BankAccountChangeView }) {
  const { t } = useT(withdrawalsCatalog);
  return (
    <p className="kk-note">
      {withNodes(t, "withdrawals.bankAccountChange.pendingNote", {
        date: <time dateTime={change.requestedAt}>{formatJstDay(change.requestedAt)}</time>,
      })}
    </p>
  );
}

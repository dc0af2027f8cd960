import type { BankAccountChangeView } from "@kakunin/contracts/withdrawals";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatJstDateTime } from "../../../lib/format.ts";
import { bankAccountText } from "../utils/bank-account-text.ts";

const badgeClass: Record<BankAccountChangeView["status"], string> = {
  申請中: "kk-badge kk-badge--pending",
  承認済: "kk-badge kk-badge--success",
  却下: "kk-badge kk-badge--failure",
};

/** A destination change request: its state, when it was made and the new account (masked). */
export function BankAccountChangeDetails({ change }: { change: BankAccountChangeView }) {
  return (
    <DescriptionList
      items={[
        { term: "状況", detail: <span className={badgeClass[change.status]}>{change.status}</span> },
        {
          term: "申請日時",
          detail: <time dateTime={change.requestedAt}>{formatJstDateTime(change.requestedAt)}</time>,
        },
        { term: "変更後の出金先口座", detail: bankAccountText(change) },
      ]}
    />
  );
}

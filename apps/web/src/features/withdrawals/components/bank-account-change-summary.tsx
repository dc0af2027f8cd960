import type { BankAccountChange, BankAccountView } from "@kakunin/contracts/withdrawals";
import { DescriptionList } from "@kakunin/ui/description-list";
import { bankAccountText } from "../utils/bank-account-text.ts";

export interface BankAccountChangeSummaryProps {
  /** Exactly what will be sent. */
  change: BankAccountChange;
  /** The registered destination now, or null (未登録). */
  current: BankAccountView | null;
}

/** The confirmation: the account now, then the new account as entered (in full: the customer typed it). */
export function BankAccountChangeSummary({ change, current }: BankAccountChangeSummaryProps) {
  return (
    <DescriptionList
      items={[
        { term: "現在の出金先口座", detail: current ? bankAccountText(current) : "未登録" },
        { term: "金融機関名", detail: change.bankName },
        { term: "支店名", detail: change.branchName },
        { term: "預金種目", detail: change.accountType },
        { term: "口座番号", detail: change.accountNumber },
        { term: "口座名義（カナ）", detail: change.holderKana },
      ]}
    />
  );
}

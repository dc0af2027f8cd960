import type { BankAccountView } from "@kakunin/contracts/withdrawals";

type AccountLine = Pick<BankAccountView, "bankName" | "branchName" | "accountType" | "accountNumberMasked"> & {
  holderKana?: string;
};

/** "三井住友銀行 渋谷支店 普通 ****567 ヤマダ タロウ": the number arrives masked. */
export function bankAccountText(account: AccountLine): string {
  return [account.bankName, account.branchName, account.accountType, account.accountNumberMasked, account.holderKana]
    .filter(Boolean)
    .join(" ");
}

import type { BankAccountView } from "@kakunin/contracts/withdrawals";
import { type Translate, translate } from "../../../lib/i18n/use-t.ts";
import { accountTypeIds } from "./account-type.ts";

type AccountLine = Pick<BankAccountView, "bankName" | "branchName" | "accountType" | "accountNumberMasked"> & {
  holderKana?: string;
};

/**
 * "三井住友銀行 渋谷支店 普通 ****567 ヤマダ タロウ": the number arrives masked. Names are the
 * bank's own (Japanese in either language); only the account type is a word of ours.
 */
export function bankAccountText(account: AccountLine, t: Translate = translate): string {
  return [
    account.bankName,
    account.branchName,
    t(accountTypeIds[account.accountType]),
    account.accountNumberMasked,
    account.holderKana,
  ]
    .filter(Boolean)
    .join(" ");
}

import type { BankAccountChange } from "@kakunin/contracts/withdrawals";
// Declares the catalogue wherever an account is written out, even by a screen of another feature.
import "../i18n.ts";

/** 預金種目: the contract's value (Japanese, as the banks write it) → its message id. */
export const accountTypeIds: Record<BankAccountChange["accountType"], string> = {
  普通: "withdrawals.accountType.ordinary",
  当座: "withdrawals.accountType.current",
};

import type { MarginAccountApplication } from "./margin-accounts.ts";
import type { ProfileChangeInput } from "./registered-info.ts";
import type { Balances, FundOrderRequest, StockOrderRequest } from "./trading.ts";
import type { BankAccountChange } from "./withdrawals.ts";

/**
 * Valid example requests (and a few answers) that tests, the fuzz, the bench and the e2e specs send, written once.
 * A test that is about one field shows it over the example (`{ ...exampleStockOrder, quantity: -1 }`);
 * `examples.test.ts` parses each with its schema, so an example that stops being valid fails there.
 * Test data only: nothing in production imports this.
 */

/** 株式注文: a cash limit buy of one unit (100 shares) of トヨタ自動車 (7203) at ¥1,600. */
export const exampleStockOrder: StockOrderRequest = {
  kind: "stock",
  instrumentCode: "7203",
  side: "buy",
  account: "cash",
  marginAction: null,
  quantity: 100,
  priceType: "limit",
  limitPrice: 1600,
};

/** The same order at market (成行: no price). */
export const exampleMarketStockOrder: StockOrderRequest = {
  ...exampleStockOrder,
  priceType: "market",
  limitPrice: null,
};

/** 投資信託: a ¥1,000 buy of F001. */
export const exampleFundOrder: FundOrderRequest = {
  kind: "fund",
  fundCode: "F001",
  side: "buy",
  amount: 1000,
  units: null,
};

/** 残高照会 (an answer) of a customer who has only deposited ¥1,000,000; no 信用取引口座. */
export const exampleCashOnlyBalances: Balances = {
  cash: 1_000_000,
  buyingPower: 1_000_000,
  positions: [],
  marginPositions: [],
  fundHoldings: [],
  totalValuation: 1_000_000,
  marginAccountOpen: false,
};

/** 口座情報変更: the editable part of the profile. */
export const exampleProfileChange: ProfileChangeInput = {
  postalCode: "150-0002",
  address: "東京都渋谷区渋谷2-24-12",
  phone: "090-1234-5678",
};

/** 出金先口座変更: a new destination account, in the test customers' own name (R39: シケン タロウ). */
export const exampleBankAccountChange: BankAccountChange = {
  bankName: "みずほ銀行",
  branchName: "渋谷支店",
  accountType: "普通",
  accountNumber: "7654321",
  holderKana: "シケン タロウ",
};

/** 信用取引口座開設: the answers and the 約諾書 consent (R41). */
export const exampleMarginAccountApplication: MarginAccountApplication = {
  stockExperience: "3〜5年",
  annualIncome: "500〜1,000万円",
  financialAssets: "1,000〜3,000万円",
  agreement: true,
};

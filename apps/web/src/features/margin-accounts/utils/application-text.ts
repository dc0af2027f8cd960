import type {
  annualIncomeOptions,
  financialAssetsOptions,
  MarginAccountApplication,
  stockExperienceOptions,
} from "@kakunin/contracts/margin-accounts";

/**
 * The questions and answers of the application as marginAccountsCatalog ids. The answers are
 * sent, stored and mailed as the notice words them (なし, 1年未満 …); only what the screen
 * shows follows the reader's language.
 */
export type Question = Exclude<keyof MarginAccountApplication, "agreement">;

export const questionLabelIds: Record<Question, string> = {
  stockExperience: "marginAccounts.label.stockExperience",
  annualIncome: "marginAccounts.label.annualIncome",
  financialAssets: "marginAccounts.label.financialAssets",
};

const stockExperienceIds: Record<(typeof stockExperienceOptions)[number], string> = {
  なし: "marginAccounts.experience.none",
  "1年未満": "marginAccounts.experience.underOneYear",
  "1〜3年": "marginAccounts.experience.oneToThreeYears",
  "3〜5年": "marginAccounts.experience.threeToFiveYears",
  "5年以上": "marginAccounts.experience.fiveYearsOrMore",
};

const annualIncomeIds: Record<(typeof annualIncomeOptions)[number], string> = {
  "300万円未満": "marginAccounts.income.under3m",
  "300〜500万円": "marginAccounts.income.from3mTo5m",
  "500〜1,000万円": "marginAccounts.income.from5mTo10m",
  "1,000万円以上": "marginAccounts.income.atLeast10m",
};

const financialAssetsIds: Record<(typeof financialAssetsOptions)[number], string> = {
  "300万円未満": "marginAccounts.assets.under3m",
  "300〜1,000万円": "marginAccounts.assets.from3mTo10m",
  "1,000〜3,000万円": "marginAccounts.assets.from10mTo30m",
  "3,000万円以上": "marginAccounts.assets.atLeast30m",
};

export const answerIds: { [Q in Question]: Record<MarginAccountApplication[Q], string> } = {
  stockExperience: stockExperienceIds,
  annualIncome: annualIncomeIds,
  financialAssets: financialAssetsIds,
};

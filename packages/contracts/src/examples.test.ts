import { describe, expect, it } from "vitest";
import {
  exampleBankAccountChange,
  exampleCashOnlyBalances,
  exampleFundOrder,
  exampleMarginAccountApplication,
  exampleMarketStockOrder,
  exampleProfileChange,
  exampleStockOrder,
} from "./examples.ts";
import { marginAccountApplicationSchema } from "./margin-accounts.ts";
import { profileChangeSchema } from "./registered-info.ts";
import { balancesSchema, fundOrderRequestSchema, stockOrderRequestSchema } from "./trading.ts";
import { bankAccountChangeSchema } from "./withdrawals.ts";

// An example that no longer passes its schema would make every test that sends it test a refusal.
describe("examples pass their schemas unchanged", () => {
  it.each([
    ["exampleStockOrder", stockOrderRequestSchema, exampleStockOrder],
    ["exampleMarketStockOrder", stockOrderRequestSchema, exampleMarketStockOrder],
    ["exampleFundOrder", fundOrderRequestSchema, exampleFundOrder],
    ["exampleProfileChange", profileChangeSchema, exampleProfileChange],
    ["exampleBankAccountChange", bankAccountChangeSchema, exampleBankAccountChange],
    ["exampleCashOnlyBalances", balancesSchema, exampleCashOnlyBalances],
    ["exampleMarginAccountApplication", marginAccountApplicationSchema, exampleMarginAccountApplication],
  ] as const)("%s", (_, schema, example) => {
    expect(schema.parse(example)).toEqual(example);
  });
});

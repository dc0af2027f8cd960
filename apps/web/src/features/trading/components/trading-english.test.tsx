import { balancesSchema } from "@kakunin/contracts/trading";
import { render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { demoBalances as demoBalancesFixture, demoInstruments } from "../../../testing/fixtures.ts";
import { AssetSummary } from "./asset-summary.tsx";
import { FundOrderSummary } from "./fund-order-summary.tsx";
import { InstrumentQuote } from "./instrument-quote.tsx";

const demoBalances = balancesSchema.parse(demoBalancesFixture);
const fund = demoInstruments.instruments[1];

/** The trading components on their own, in both languages (R36). */
describe("trading components", () => {
  afterEach(async () => {
    await activateLocale("ja");
  });

  it("say 会員トップ's assets and a fund's quote in Japanese, as before", () => {
    render(<AssetSummary balances={demoBalances} />);
    expect(screen.getByText("お預り資産の内訳")).toBeTruthy();
    expect(screen.getByText("信用建玉（評価損益）")).toBeTruthy();
    render(<InstrumentQuote instrument={fund} />);
    expect(screen.getByText("かくにん日本株インデックス（F001）")).toBeTruthy();
    expect(screen.getByText(/^（.*時点、1万口あたり）$/)).toBeTruthy();
  });

  describe("in English", () => {
    beforeEach(async () => {
      await activateLocale("en");
    });

    it("会員トップ's assets", () => {
      render(<AssetSummary balances={demoBalances} extra={[{ term: "Withdrawable amount", detail: "—" }]} />);
      const terms = [...document.querySelectorAll("dt")].map((term) => term.textContent);
      expect(terms).toEqual([
        "Total assets",
        "Unrealized gain/loss",
        "Buying power",
        "Withdrawable amount",
        "Cash",
        "Japanese stocks (cash)",
        "Investment trusts",
        "Margin positions (unrealized gain/loss)",
      ]);
      expect(screen.getByRole("heading", { name: "Breakdown of assets held" })).toBeTruthy();
    });

    it("a fund's quote, with the time where English puts it", () => {
      render(<InstrumentQuote instrument={fund} />);
      expect(screen.getByText("かくにん日本株インデックス (F001)")).toBeTruthy();
      expect(screen.getByText("NAV")).toBeTruthy();
      const note = screen.getByText(/^\(as of .*, per 10,000 units\)$/);
      expect(note.querySelector("time")?.getAttribute("dateTime")).toBe(fund?.updatedAt);
    });

    it("a fund sell's summary counts units in the singular and the plural", () => {
      const request = { kind: "fund", fundCode: "F001", side: "sell", amount: null, units: 1 } as const;
      const { rerender } = render(<FundOrderSummary request={request} fund={fund} />);
      expect(screen.getByText("Redeem")).toBeTruthy();
      expect(screen.getByText("1 unit")).toBeTruthy();
      rerender(<FundOrderSummary request={{ ...request, units: 2500 }} fund={fund} />);
      expect(screen.getByText("2,500 units")).toBeTruthy();
      expect(screen.getByText(/\(per 10,000 units\)$/)).toBeTruthy();
    });
  });
});

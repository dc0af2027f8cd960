import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { MarginAccountApplicationForm } from "./margin-account-application-form.tsx";
import { MarginAccountApplicationSummary } from "./margin-account-application-summary.tsx";

afterEach(async () => {
  await activateLocale("ja");
});

describe("信用取引口座開設 in English", () => {
  it("asks in English and sends the notice's answers unchanged", async () => {
    await activateLocale("en");
    const onSubmit = vi.fn();
    render(<MarginAccountApplicationForm onSubmit={onSubmit} />);
    const user = userEvent.setup();
    expect(screen.getByText("Margin account agreement (summary)")).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: "1 to 3 years" }));
    await user.click(screen.getByRole("radio", { name: "¥5 million to ¥10 million" }));
    await user.click(screen.getByRole("radio", { name: "¥10 million to ¥30 million" }));
    await user.click(
      screen.getByRole("checkbox", { name: "I have read the margin account agreement and agree to it" }),
    );
    await user.click(screen.getByRole("button", { name: "Review application" }));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      stockExperience: "1〜3年",
      annualIncome: "500〜1,000万円",
      financialAssets: "1,000〜3,000万円",
      agreement: true,
    });
  });

  it("confirms the answers in English", async () => {
    await activateLocale("en");
    render(
      <MarginAccountApplicationSummary
        application={{ stockExperience: "なし", annualIncome: "300万円未満", financialAssets: "3,000万円以上" }}
      />,
    );
    expect([...document.querySelectorAll("dt")].map((term) => term.textContent)).toEqual([
      "Stock investment experience",
      "Annual income",
      "Financial assets",
      "Margin account agreement",
    ]);
    expect([...document.querySelectorAll("dd")].map((detail) => detail.textContent)).toEqual([
      "None",
      "Less than ¥3 million",
      "¥30 million or more",
      "Agreed",
    ]);
  });
});

import { registeredEmailsSchema } from "@kakunin/contracts/registered-info";
import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { demoAccountOpenings, demoProfile, demoRegisteredEmails } from "../../../testing/fixtures.ts";
import { AccountOpeningTable } from "./account-opening-table.tsx";
import { EmailChangeForm } from "./email-change-form.tsx";
import { ProfileChangeSummary } from "./profile-change-summary.tsx";
import { ProfileDetails } from "./profile-details.tsx";
import { RegisteredEmailList } from "./registered-email-list.tsx";

afterEach(async () => {
  await activateLocale("ja");
});

const terms = () => [...document.querySelectorAll("dt")].map((term) => term.textContent);

describe("登録情報 in English", () => {
  it("口座情報: the terms are English, what the customer registered is as it came", async () => {
    await activateLocale("en");
    render(<ProfileDetails profile={demoProfile} />);
    expect(terms()).toEqual([
      "Name",
      "Name (katakana)",
      "Date of birth",
      "Postal code",
      "Address",
      "Phone number",
      "Withdrawal bank account (出金先口座)",
    ]);
    expect(screen.getByText(demoProfile.address)).toBeTruthy();
    expect(screen.getByText(/Account holder: /)).toBeTruthy();
  });

  it("口座情報の変更確認: each 変更前 → 変更後 under its English term", async () => {
    await activateLocale("en");
    render(<ProfileChangeSummary before={demoProfile} after={{ ...demoProfile, phone: "090-0000-0000" }} />);
    expect(terms()).toEqual(["Postal code", "Address", "Phone number"]);
  });

  it("口座開設状況: kinds and statuses in English, and the table's labels", async () => {
    await activateLocale("en");
    render(<AccountOpeningTable accounts={demoAccountOpenings.accounts} />);
    const table = screen.getByRole("table", { name: "Account opening status" });
    expect([...table.querySelectorAll("tbody th")].map((cell) => cell.textContent)).toEqual([
      "Securities account (総合口座)",
      "Specified account (特定口座)",
      "NISA account",
      "Margin account",
    ]);
    expect(screen.getByText("Under review")).toBeTruthy();
    expect(screen.getByText("Not opened")).toBeTruthy();
    expect(table.querySelector("td")?.getAttribute("data-label")).toBe("Status");
  });

  it("メールアドレス登録: each slot's button and the form's own refusal", async () => {
    await activateLocale("en");
    render(
      <RegisteredEmailList emails={registeredEmailsSchema.parse(demoRegisteredEmails)} onChange={() => undefined} />,
    );
    expect(screen.getByRole("button", { name: "Change email address 2" })).toBeTruthy();

    const onSubmit = vi.fn();
    render(<EmailChangeForm position={1} current="taro@example.jp" onSubmit={onSubmit} onCancel={() => undefined} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("New email address"), "TARO@example.jp");
    await user.click(screen.getByRole("button", { name: "Confirm change" }));
    expect(await screen.findByText("This is the same as your current email address.")).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

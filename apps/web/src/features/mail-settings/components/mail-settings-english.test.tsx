import { mailSettingsSchema } from "@kakunin/contracts/mail";
import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { demoMailSettings } from "../../../testing/fixtures.ts";
import { MailSettingChangeForm } from "./mail-setting-change-form.tsx";
import { MailSettingChangeSummary } from "./mail-setting-change-summary.tsx";
import { MailTypeChooser } from "./mail-type-chooser.tsx";

afterEach(async () => {
  await activateLocale("ja");
});

// Parsed as the API client would: the fixture is deeply readonly.
const mailSettings = mailSettingsSchema.parse(demoMailSettings);
const withdrawalCode = mailSettings.settings.find((setting) => setting.type === "withdrawal_auth_code");

describe("メールサービス配信設定 in English", () => {
  it("names every mail and its state, with the phone-card labels", async () => {
    await activateLocale("en");
    render(<MailTypeChooser mailSettings={mailSettings} onChoose={() => undefined} />);
    const group = screen.getByRole("group", { name: "Select the notification to change" });
    expect(within(group).getByRole("radio", { name: "Authentication code for withdrawals" })).toBeTruthy();
    const table = within(group).getByRole("table", { name: "Email notification settings" });
    expect(within(table).getByText("Subscribed")).toBeTruthy();
    expect(within(table).getAllByText("Unsubscribed").length).toBe(6);
    expect(table.querySelector("td")?.getAttribute("data-label")).toBe("Setting");
    await userEvent.setup().click(screen.getByRole("button", { name: "Change" }));
    expect(screen.getByText("Please select the notification to change.")).toBeTruthy();
  });

  it("warns in English that 配信不要 removes the second check, and words the schema's messages", async () => {
    await activateLocale("en");
    const onSubmit = vi.fn();
    const setting = withdrawalCode ?? mailSettings.settings[0];
    if (!setting) throw new Error("fixture");
    render(
      <MailSettingChangeForm
        setting={{ ...setting, enabled: true }}
        addresses={mailSettings.addresses}
        onSubmit={onSubmit}
        onCancel={() => undefined}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("radio", { name: "Unsubscribed" }));
    expect(screen.getByText("The second check will no longer apply")).toBeTruthy();
    expect(
      screen.getByText(/withdrawals will be confirmed with your execution password \(執行パスワード\) alone/),
    ).toBeTruthy();
    expect(screen.getByText("Subscribed (send to: taro@example.jp)")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Confirm change" }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it("confirms 変更前 → 変更後 in English", async () => {
    await activateLocale("en");
    render(
      <MailSettingChangeSummary
        before={{ enabled: false, destination: 1 }}
        change={{ type: "withdrawal_auth_code", enabled: true, destination: 1 }}
        addresses={mailSettings.addresses}
      />,
    );
    const terms = [...document.querySelectorAll("dt")].map((term) => term.textContent);
    expect(terms).toEqual(["Notification", "Setting", "Send to"]);
    expect(screen.getByText("Authentication code for withdrawals")).toBeTruthy();
  });
});

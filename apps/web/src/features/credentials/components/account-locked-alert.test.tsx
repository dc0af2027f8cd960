import { accountLockedMessage } from "@kakunin/contracts/credentials";
import { contractsTranslator } from "@kakunin/contracts/translator";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { AccountLockedAlert } from "./account-locked-alert.tsx";

const contact = { phone: "0120-000-000", hours: "平日 8:30〜17:00" };

describe("AccountLockedAlert", () => {
  afterEach(async () => {
    await activateLocale("ja");
  });

  it("says in Japanese exactly what core says with the lock, naming whom to call", () => {
    render(<AccountLockedAlert contact={contact} />);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("アカウントロック中");
    expect(alert.textContent).toContain(contractsTranslator.ref("ja", accountLockedMessage(contact)));
  });

  it("says it in English, with the same number and hours", async () => {
    await activateLocale("en");
    render(<AccountLockedAlert contact={contact} />);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Account locked");
    expect(alert.textContent).toContain(
      "Your account has been locked because an incorrect execution password (執行パスワード) was entered the maximum number of times (9). To have it unlocked, please call the Customer Support Center (お客様サポートセンター) on 0120-000-000 (hours: 平日 8:30〜17:00). We will unlock it once we have verified your identity.",
    );
  });

  it("shows the server's own words when it has just refused", () => {
    render(<AccountLockedAlert message="ロックされています。" />);
    expect(screen.getByRole("alert").textContent).toContain("ロックされています。");
  });
});

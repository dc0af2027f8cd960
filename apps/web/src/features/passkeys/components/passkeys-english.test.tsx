import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { translate } from "../../../lib/i18n/use-t.ts";
import { passkeysWithSuspended, securityKeyPasskey } from "../../../testing/passkey-fixtures.ts";
import { registrationCancelledMessage, registrationFailure } from "../utils/registration-failure.ts";
import { suggestPasskeyName } from "../utils/suggest-passkey-name.ts";
import { PasskeyRegisterAction } from "./passkey-register-action.tsx";
import { PasskeySummary } from "./passkey-summary.tsx";
import { PasskeyTable } from "./passkey-table.tsx";

const windowsChrome =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

afterEach(async () => {
  await activateLocale("ja");
});

function renderTable() {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <PasskeyTable passkeys={passkeysWithSuspended.passkeys} onDelete={() => undefined} />
    </QueryClientProvider>,
  );
}

describe("パスキー設定's words", () => {
  it("in Japanese, as before", () => {
    renderTable();
    expect(screen.getByRole("table", { name: "登録済みのパスキー（日時は日本時間）" })).toBeTruthy();
    expect(screen.getAllByText("利用停止中").length).toBeGreaterThan(0);
    expect(suggestPasskeyName(windowsChrome)).toBe("Chrome（Windows）");
    expect(translate(registrationCancelledMessage)).toMatch(/^パスキーの登録が完了しませんでした。/);
  });

  it("in English: the table, its phone-card labels, the summary, the limit and the failures", async () => {
    await activateLocale("en");
    renderTable();
    const table = screen.getByRole("table", { name: "Registered passkeys (times in Japan time, JST)" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Passkey name", "Type", "Registered", "Last used", "Actions"]);
    expect(within(table).getAllByText("Suspended").length).toBe(1);
    expect(within(table).getAllByRole("button", { name: "Rename" }).length).toBe(passkeysWithSuspended.passkeys.length);
    const cells = [...table.querySelectorAll("td")].slice(0, 4).map((cell) => cell.getAttribute("data-label"));
    expect(cells).toEqual(["Type", "Registered", "Last used", "Actions"]);

    const summary = within(render(<PasskeySummary passkey={securityKeyPasskey} />).container);
    expect(summary.getByText("This device only")).toBeTruthy();
    expect(summary.getByText("Not used yet")).toBeTruthy();

    const action = within(render(<PasskeyRegisterAction count={7} supported onRegister={() => undefined} />).container);
    expect(action.getByText("You can register up to 10 passkeys (3 more).")).toBeTruthy();

    expect(suggestPasskeyName(windowsChrome)).toBe("Chrome (Windows)");
    const failure = registrationFailure(Object.assign(new Error("closed"), { name: "NotAllowedError" }));
    expect(failure.message).toMatch(/^The passkey was not registered/);
  });
});

import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { demoLoginHistory, demoNotices } from "../../../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, json, mockApi } from "../../../testing/mock-api.ts";
import { main } from "../../../testing/queries.ts";
import { renderApp } from "../../../testing/render-app.tsx";
import { afterPhoneEnded, phoneSession, threeSessions } from "../../../testing/session-fixtures.ts";
import { tradingNotStopped, tradingStopped } from "../../../testing/trading-stop-fixtures.ts";

// The 口座管理 screens in English (R36): what their own catalogues say, and the data from the
// server (device names, addresses) as it came. The Japanese is covered by app/*.test.tsx.
beforeEach(async () => {
  await activateLocale("en");
});
afterEach(async () => {
  await activateLocale("ja");
});

type Routes = Parameters<typeof mockApi>[0];

function open(path: string, routes: Routes) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    "GET /api/me/notices": json(demoNotices),
    "GET /api/me/trading-stop": json(tradingNotStopped),
    ...routes,
  });
  return { ...api, ...renderApp(path) };
}

describe("口座管理 in English", () => {
  it("ログイン中の端末: the table, one question and the outcome", async () => {
    const { user } = open("/account/sessions", {
      "GET /api/me/sessions": [json(threeSessions), json(afterPhoneEnded)],
      [`POST /api/me/sessions/${phoneSession.handle}/logout`]: json({ ended: 1 }),
    });
    const table = await screen.findByRole("table", { name: "Signed-in devices (times in Japan time, JST)" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((cell) => cell.textContent);
    expect(headers).toEqual(["Device", "IP address", "Logged in", "Last active", "Actions"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]?.querySelector("th")?.textContent).toBe("Chrome 131 (Windows 10) This device");
    expect(rows[0]?.textContent).toContain("In use");
    expect(rows[2]?.querySelector("th")?.textContent).toBe("Unknown device");
    // Phone cards label each cell in the reader's language too.
    expect(rows[1]?.querySelector("td")?.getAttribute("data-label")).toBe("IP address");
    expect(
      within(main()).getByText(
        "These are the devices currently logged in to your account. If you see a device you do not recognise, log it out and change your login password (ログインパスワード).",
      ),
    ).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Log out Safari 17 (iOS 17.5)" }));
    const dialog = await screen.findByRole("dialog", { name: "Log out this device?" });
    expect(dialog.textContent).toContain("Safari 17 (iOS 17.5) (IP address 198.51.100.23) will be logged out.");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Log out" }));
    expect(await screen.findByText("Safari 17 (iOS 17.5) has been logged out.")).toBeTruthy();
  });

  it("ログイン中の端末: 他の端末をすべてログアウト counts the devices in English", async () => {
    const { user } = open("/account/sessions", {
      "GET /api/me/sessions": json(threeSessions),
      "POST /api/me/sessions/logout-others": json({ ended: 2 }),
    });
    await user.click(await screen.findByRole("button", { name: "Log out all other devices" }));
    const dialog = await screen.findByRole("dialog", { name: "Log out all other devices?" });
    expect(dialog.textContent).toContain("2 other devices will be logged out. You will stay logged in on this device.");
    await user.click(within(dialog).getByRole("button", { name: "Log out all" }));
    expect(await screen.findByText("All 2 other devices have been logged out.")).toBeTruthy();
  });

  it("取引停止: the steps, the confirmation and the stopped alert", async () => {
    const { user } = open("/account/trading-stop", { "POST /api/me/trading-stop": json(tradingStopped) });
    await user.click(await screen.findByRole("button", { name: "Stop trading" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Confirm stop trading" })).toBeTruthy();
    expect(
      screen.getByText(
        "The stop can only be lifted by calling the Customer Support Center (お客様サポートセンター) at 0120-000-000 and confirming your identity. It cannot be lifted online.",
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Stop trading" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Trading has been stopped" })).toBeTruthy();
    const alert = screen.getByRole("alert");
    expect(within(alert).getByText("Trading is stopped")).toBeTruthy();
    // The number sits between two messages; the spaces around it are each language's.
    expect(alert.textContent).toContain(
      "To lift the stop, please call the Customer Support Center (お客様サポートセンター) at 0120-000-000. We will lift it once we have confirmed your identity.",
    );
    expect(screen.getByRole("link", { name: "Back to Member home" })).toBeTruthy();
  });

  it("ログイン履歴: headers, outcomes and the unknown", async () => {
    open("/account/login-history", { "GET /api/me/login-history": json(demoLoginHistory) });
    const table = await screen.findByRole("table", { name: "Recent logins (times in Japan time, JST)" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Date and time", "Result", "IP address", "Browser"]);
    const cells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent));
    expect(cells.map((row) => row.slice(1))).toEqual([
      ["Succeeded", "203.0.113.5", "Chrome 131 (Windows)"],
      ["Failed", "Unknown", "Unknown"],
    ]);
  });
});

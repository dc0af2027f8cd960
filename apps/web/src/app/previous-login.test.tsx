import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoPreviousLogin } from "../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, json, mockApi } from "../testing/mock-api.ts";
import { main } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";

const openTop = (previous: unknown) => {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(
      credentialStatus({ executionPassword: { isInitial: false, changedAt: "2026-11-20T00:00:00.000Z" } }),
    ),
    "GET /api/me/notices": json({ notices: [] }),
    "GET /api/me/previous-login": json(previous),
  });
  renderApp("/");
  return api;
};

describe("会員トップ: 前回ログイン (R42)", () => {
  it("shows the previous login's time in Japan time, browser and OS, and IP address", async () => {
    const { requests } = openTop(demoPreviousLogin);
    const line = await screen.findByText(/^前回ログイン:/);
    // 2026-11-24T01:02:03Z is 10:02:03 in Japan.
    expect(line.textContent).toBe(
      "前回ログイン: 2026/11/24 10:02:03（日本時間） Chrome 131（Windows） IPアドレス: 198.51.100.7",
    );
    expect(line.querySelector("time")?.getAttribute("dateTime")).toBe("2026-11-24T01:02:03Z");
    expect(requests.filter((r) => r.path === "/api/me/previous-login")).toHaveLength(1);
  });

  it("says so on the first login", async () => {
    openTop({ previousLogin: null });
    expect(await screen.findByText("前回ログイン: なし（今回が初めてのログインです）")).toBeTruthy();
    expect(main().textContent).not.toContain("IPアドレス");
  });
});

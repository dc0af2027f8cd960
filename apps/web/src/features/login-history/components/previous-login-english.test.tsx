import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { demoPreviousLogin } from "../../../testing/fixtures.ts";
import { json, mockApi } from "../../../testing/mock-api.ts";
import { PreviousLogin } from "./previous-login.tsx";

afterEach(async () => {
  await activateLocale("ja");
});

function renderWith(previous: unknown) {
  mockApi({ "GET /api/me/previous-login": json(previous) });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <PreviousLogin />
    </QueryClientProvider>,
  );
}

describe("前回ログイン in English", () => {
  it("says when (in Japan time), with what and from where", async () => {
    await activateLocale("en");
    renderWith(demoPreviousLogin);
    const line = await screen.findByText(/^Previous login:/);
    // The time is lib/format.ts's to word; around it, each part keeps its spaces.
    expect(line.textContent).toMatch(
      /^Previous login: .+ \(Japan time\) Chrome 131 \(Windows\) IP address: 198\.51\.100\.7$/,
    );
  });

  it("says so on the first login", async () => {
    await activateLocale("en");
    renderWith({ previousLogin: null });
    expect(await screen.findByText("Previous login: none (this is your first login)")).toBeTruthy();
  });
});

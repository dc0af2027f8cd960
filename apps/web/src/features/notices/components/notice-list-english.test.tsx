import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { json, mockApi } from "../../../testing/mock-api.ts";
import { NoticeList } from "./notice-list.tsx";

afterEach(async () => {
  await activateLocale("ja");
});

describe("お知らせ in English", () => {
  it("titles the list and says when there is nothing", async () => {
    await activateLocale("en");
    mockApi({ "GET /api/me/notices": json({ notices: [] }) });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <NoticeList />
      </QueryClientProvider>,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Notices" })).toBeTruthy();
    expect(await screen.findByText("There are no notices at the moment.")).toBeTruthy();
  });
});

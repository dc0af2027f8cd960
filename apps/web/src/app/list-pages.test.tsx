import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { acceptedWithdrawal, demoLoginHistory, filledOrder, openOrder } from "../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, json, mockApi, type RecordedRequest } from "../testing/mock-api.ts";
import { renderApp } from "../testing/render-app.tsx";

// Issue 16: the lists come a page at a time; 「さらに表示」 reads the next page after the last
// one shown, adds its rows under them, and is gone once a page names no next.

/** Answers the first page, or the second for `?cursor=next-1`; anything else fails the test. */
function pages(first: Record<string, unknown>, second: Record<string, unknown>) {
  return (request: RecordedRequest) => {
    const cursor = request.query.get("cursor");
    if (cursor === null) return json({ ...first, nextCursor: "next-1" });
    if (cursor === "next-1") return json({ ...second, nextCursor: null });
    return json({ error: { code: "validation_failed", message: `unexpected cursor ${cursor}` } }, 400);
  };
}

async function showMore(rowsBefore: number, rowsAfter: number) {
  const table = await screen.findByRole("table");
  await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(rowsBefore + 1));
  fireEvent.click(screen.getByRole("button", { name: "さらに表示" }));
  await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(rowsAfter + 1));
  await waitFor(() => expect(screen.queryByRole("button", { name: "さらに表示" })).toBeNull());
  return table;
}

const cursorsAsked = (requests: RecordedRequest[], path: string) =>
  requests.filter((r) => r.path === path).map((r) => r.query.get("cursor"));

describe("「さらに表示」", () => {
  it("出金申込履歴: loads the next page under the first and disappears after the last", async () => {
    const older = { ...acceptedWithdrawal, requestNumber: "W00000001", requestedAt: "2026-11-01T00:00:00.000Z" };
    const { requests } = mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/withdrawals": pages({ withdrawals: [acceptedWithdrawal] }, { withdrawals: [older] }),
    });
    renderApp("/withdrawal/history");
    const table = await showMore(1, 2);
    const numbers = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.querySelector("td")?.textContent);
    expect(numbers).toEqual([acceptedWithdrawal.requestNumber, "W00000001"]);
    expect(cursorsAsked(requests, "/api/me/withdrawals")).toEqual([null, "next-1"]);
  });

  it("ログイン履歴: adds the older attempts", async () => {
    const [newest, failure] = demoLoginHistory.entries;
    const { requests } = mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/login-history": pages({ entries: [newest] }, { entries: [failure] }),
    });
    renderApp("/account/login-history");
    const table = await showMore(1, 2);
    expect(within(table).getByText("失敗")).toBeTruthy();
    expect(cursorsAsked(requests, "/api/me/login-history")).toEqual([null, "next-1"]);
  });

  it("注文照会: adds older orders", async () => {
    const { requests } = mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(credentialStatus()),
      "GET /api/me/orders": pages({ orders: [openOrder] }, { orders: [{ ...filledOrder, orderNumber: "O00000002" }] }),
    });
    renderApp("/trade/orders");
    const table = await showMore(1, 2);
    expect(within(table).getByText("O00000002")).toBeTruthy();
    expect(cursorsAsked(requests, "/api/me/orders").slice(0, 2)).toEqual([null, "next-1"]);
  });
});

import { loginHistorySchema } from "@kakunin/contracts/customers";
import { encodeCursor } from "@kakunin/contracts/pagination";
import { orderListSchema } from "@kakunin/contracts/trading";
import { describe, expect, it } from "vitest";
import { createTestBff, FAKE_LOGIN_CURSOR, FAKE_ORDER_CURSOR, readAs, readError } from "../../test/harness.ts";

// Issue 16: the BFF passes a list's cursor to core as it came and refuses a damaged one itself.
describe("list pages through the BFF", () => {
  it("sends no cursor for the first page and passes nextCursor back to core for the next", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const first = await readAs(await bff.request("/api/me/orders", { cookie }), orderListSchema);
    expect(first.nextCursor).toBe(FAKE_ORDER_CURSOR);
    expect(new URL(bff.core.received.at(-1)?.url ?? "").search).toBe("");

    const next = await bff.request(`/api/me/orders?cursor=${encodeURIComponent(FAKE_ORDER_CURSOR)}`, { cookie });
    expect((await readAs(next, orderListSchema)).nextCursor).toBeNull();
    const url = new URL(bff.core.received.at(-1)?.url ?? "");
    expect(url.pathname).toBe("/v1/customers/6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a01/orders");
    expect(url.searchParams.get("cursor")).toBe(FAKE_ORDER_CURSOR);

    await bff.request(`/api/me/login-history?cursor=${FAKE_LOGIN_CURSOR}`, { cookie });
    expect(new URL(bff.core.received.at(-1)?.url ?? "").searchParams.get("cursor")).toBe(FAKE_LOGIN_CURSOR);
    const history = await readAs(await bff.request("/api/me/login-history", { cookie }), loginHistorySchema);
    expect(history.nextCursor).toBe(FAKE_LOGIN_CURSOR);
  });

  it("refuses a damaged or foreign cursor with 400 on the cursor field, without asking core", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const cases = [
      "/api/me/orders?cursor=%25%25",
      `/api/me/orders?cursor=${FAKE_LOGIN_CURSOR}`,
      `/api/me/withdrawals?cursor=${FAKE_ORDER_CURSOR}`,
      `/api/me/login-history?cursor=${encodeCursor({ at: "x", key: "1" })}`,
    ];
    for (const path of cases) {
      const before = bff.core.received.length;
      const res = await bff.request(path, { cookie });
      expect(res.status, path).toBe(400);
      const error = await readError(res);
      expect(error.code).toBe("validation_failed");
      expect(error.fields).toEqual([
        {
          path: "cursor",
          message: "続きの表示位置が正しくありません。一覧を最初から表示し直してください。",
          reason: "invalid_cursor",
        },
      ]);
      expect(bff.core.received.length).toBe(before);
    }
  });
});

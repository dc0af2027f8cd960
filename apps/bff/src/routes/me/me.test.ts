import { loginHistorySchema, noticeListSchema } from "@kakunin/contracts/customers";
import { describe, expect, it } from "vitest";
import { createTestBff, readAs, readError } from "../../test/harness.ts";

describe("/api/me", () => {
  it("needs a session", async () => {
    const bff = createTestBff();
    const res = await bff.request("/api/me/notices");
    expect(res.status).toBe(401);
    expect((await readError(res)).code).toBe("unauthenticated");
  });

  it("proxies the customer's notices and login history, identified by the session", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const notices = await readAs(await bff.request("/api/me/notices", { cookie }), noticeListSchema);
    expect(notices.notices[0]?.title).toBe("お知らせ");
    const history = await readAs(await bff.request("/api/me/login-history", { cookie }), loginHistorySchema);
    expect(history.entries).toHaveLength(1);
    const call = bff.core.received.at(-1);
    expect(new URL(call?.url ?? "").pathname).toBe("/v1/customers/6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a01/login-history");
  });

  it("never forwards the browser's cookie to core, and sends the service credential and request id", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const res = await bff.request("/api/me/notices", { cookie, headers: { "x-request-id": "trace-123" } });
    expect(res.headers.get("x-request-id")).toBe("trace-123");
    for (const req of bff.core.received) {
      expect(req.headers.get("cookie")).toBeNull();
      expect(req.headers.get("authorization")).toMatch(/^Bearer /);
    }
    expect(bff.core.received.at(-1)?.headers.get("x-request-id")).toBe("trace-123");
  });

  it("answers 503 when core is down", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    bff.core.state.down = true;
    const res = await bff.request("/api/me/notices", { cookie });
    expect(res.status).toBe(503);
    expect((await readError(res)).code).toBe("upstream_unavailable");
  });
});

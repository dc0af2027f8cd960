import { describe, expect, it } from "vitest";
import { createTestBff, readError } from "./test/harness.ts";

describe("BFF hardening", () => {
  it("sends a strict CSP and the other security headers", async () => {
    const bff = createTestBff();
    const res = await bff.request("/api/session");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers unknown API paths and methods with a JSON 404: only listed routes reach core", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const before = bff.core.received.length;
    for (const [method, path] of [
      ["GET", "/api/v1/customers/6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a01"],
      ["PUT", "/api/me/notices"],
      ["GET", "/api/test/session/expire"],
    ] as const) {
      const res = await bff.request(path, { method, cookie, ...(method === "GET" ? {} : { json: {} }) });
      expect(res.status).toBe(404);
      expect((await readError(res)).code).toBe("not_found");
    }
    expect(bff.core.received.length).toBe(before);
  });

  it("passes core's contract error codes on without core's details or a stack trace", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    bff.core.customers.length = 0; // core now answers 404 not_found for this customer
    const res = await bff.request("/api/me/notices", { cookie });
    const text = await res.text();
    expect(res.status).toBe(404);
    expect(JSON.parse(text).error.code).toBe("not_found");
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(text).error.requestId).toEqual(expect.any(String));
  });

  it("exposes the test-only session expiry only when enabled", async () => {
    const off = createTestBff();
    const offLogin = await off.login();
    expect((await off.request("/api/test/session/expire", { method: "POST", cookie: offLogin.cookie })).status).toBe(
      404,
    );
    const on = createTestBff({ config: { enableTestApi: true } });
    const { cookie } = await on.login();
    expect((await on.request("/api/test/session/expire", { method: "POST", cookie })).status).toBe(204);
    expect((await readError(await on.request("/api/me/notices", { cookie }))).code).toBe("session_expired");
  });
});

import { previousLoginSchema } from "@kakunin/contracts/customers";
import { describe, expect, it } from "vitest";
import { createTestBff, readAs } from "../../test/harness.ts";

describe("GET /api/me/previous-login (R42 前回ログイン)", () => {
  it("asks core for the login before this session's, naming when the session started", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const res = await bff.request("/api/me/previous-login", { cookie });
    expect(res.status).toBe(200);
    expect((await readAs(res, previousLoginSchema)).previousLogin).toMatchObject({ ipAddress: "198.51.100.7" });
    // The test BFF's clock stands at 2026-11-25T00:00:00Z: the session began then.
    expect(bff.core.ownName.sessionStartedAt).toBe("2026-11-25T00:00:00.000Z");
    const call = bff.core.received.at(-1);
    expect(new URL(call?.url ?? "").pathname).toBe("/v1/customers/6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a01/previous-login");
  });

  it("passes null on the first login, and needs a session", async () => {
    const bff = createTestBff();
    bff.core.ownName.previousLogin = null;
    const { cookie } = await bff.login();
    expect(await readAs(await bff.request("/api/me/previous-login", { cookie }), previousLoginSchema)).toEqual({
      previousLogin: null,
    });
    expect((await bff.request("/api/me/previous-login")).status).toBe(401);
  });
});

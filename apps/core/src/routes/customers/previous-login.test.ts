import { previousLoginSchema } from "@kakunin/contracts/customers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTaro, taro } from "../../test/customers.ts";
import { createTestCore, knownDeviceLogin, readAs, testBackends, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

describe.each(testBackends)("前回ログイン (R42) on $name", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  const login = (customerCode: string, password: string, userAgent: string, ipAddress: string) =>
    knownDeviceLogin(core, { customerCode, password, client: { ...testClient, userAgent, ipAddress } });
  const previous = async (customerId: string, sessionStartedAt: Date) =>
    readAs(
      await core.call(
        `/v1/customers/${customerId}/previous-login?sessionStartedAt=${encodeURIComponent(sessionStartedAt.toISOString())}`,
      ),
      previousLoginSchema,
    );

  it("is null on the first login", async () => {
    const c = await createTaro(core);
    await login(c.customerCode, taro.loginPassword, "first", "198.51.100.1");
    expect(await previous(c.id, new Date())).toEqual({ previousLogin: null });
  });

  it("is the successful login before the current session's, not a failure and not a later one", async () => {
    const c = await createTaro(core);
    await login(c.customerCode, taro.loginPassword, "earlier", "198.51.100.1");
    await login(c.customerCode, "Wrong4pass9", "failed", "203.0.113.9");
    await login(c.customerCode, taro.loginPassword, "current", "198.51.100.2");
    const sessionStartedAt = new Date();
    const { previousLogin } = await previous(c.id, sessionStartedAt);
    expect(previousLogin).toEqual({
      at: expect.any(String),
      outcome: "success",
      ipAddress: "198.51.100.1",
      userAgent: "earlier",
    });

    // Logins after a session began (beyond the clocks' margin) are not its own nor its previous one.
    const laterSession = new Date(sessionStartedAt.getTime() - 10_000);
    expect((await previous(c.id, laterSession)).previousLogin).toBeNull();
  });

  it("answers 404 for an unknown customer and 400 without the session's start", async () => {
    expect(
      (await core.call(`/v1/customers/${crypto.randomUUID()}/previous-login?sessionStartedAt=2026-01-01T00:00:00Z`))
        .status,
    ).toBe(404);
    const c = await createTaro(core);
    expect((await core.call(`/v1/customers/${c.id}/previous-login`)).status).toBe(400);
  });
});

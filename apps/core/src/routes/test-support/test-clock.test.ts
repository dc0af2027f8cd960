import { credentialStatusSchema } from "@kakunin/contracts/credentials";
import { createTestCustomerResponseSchema } from "@kakunin/contracts/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timerMarketTick } from "../../domain/market-ops.ts";
import { createTestCore, readAs, type TwoHandles, twoInstanceBackends } from "../../test/test-app.ts";

// Issue 18: QA sets a customer's time through one core instance behind the load balancer;
// the next request may reach another, which must answer with the same time.

type Core = Awaited<ReturnType<typeof createTestCore>>;

const setClock = (core: Core, customerId: string, now: string | null) =>
  core.call(`/test/customers/${customerId}/clock`, { method: "PUT", json: { now } });

const scheduleOf = async (core: Core, customerId: string) =>
  (await readAs(await core.call(`/v1/customers/${customerId}/credentials`), credentialStatusSchema)).schedule;

describe.each(twoInstanceBackends)("test clock shared by two core instances on $name", ({ open }) => {
  let handles: TwoHandles;
  let a: Core;
  let b: Core;
  beforeAll(async () => {
    handles = await open();
    a = await createTestCore({ database: handles.a, enableTestApi: true });
    b = await createTestCore({ database: handles.b, enableTestApi: true });
  });
  afterAll(() => handles.close());

  const newCustomer = async () => {
    const res = await a.call("/test/customers", { method: "POST", json: {} });
    return (await readAs(res, createTestCustomerResponseSchema)).customer.id;
  };

  it("a time set through A's test API is the time B answers with, and clearing it on B clears it on A", async () => {
    const id = await newCustomer();
    const other = await newCustomer();
    const before = "2022-09-01T09:00:00.000Z";
    expect((await setClock(a, id, before)).status).toBe(200);
    expect(await scheduleOf(b, id)).toMatchObject({ now: before, phase: "registration" });
    // Only that customer's time moved.
    expect((await scheduleOf(b, other)).now).not.toBe(before);

    const after = "2022-09-20T09:00:00.000Z";
    expect((await setClock(a, id, after)).status).toBe(200);
    expect(await scheduleOf(b, id)).toMatchObject({ now: after, phase: "enforced" });

    expect((await setClock(b, id, null)).status).toBe(200);
    const real = await scheduleOf(a, id);
    expect(Date.parse(real.now)).toBeGreaterThan(Date.parse("2025-01-01T00:00:00Z"));
  });

  it("the market timer reads the shared times before its tick", async () => {
    const id = await newCustomer();
    const at = new Date("2022-09-18T10:00:00.000Z");
    expect((await setClock(a, id, at.toISOString())).status).toBe(200);
    // B has not served a request since: only the tick's own refresh can tell it.
    expect(await timerMarketTick(b.db, b.services, 24 * 60 * 60_000)).not.toBeNull();
    expect(b.services.clock.now(id)).toEqual(at);
  });
});

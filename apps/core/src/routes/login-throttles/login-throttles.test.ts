import { recordLoginThrottleResponseSchema } from "@kakunin/contracts/core-api";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema.ts";
import { createCustomer } from "../../domain/customers.ts";
import { createTestCore, readAs, testClient } from "../../test/test-app.ts";

describe("POST /v1/login-throttles", () => {
  let core: Awaited<ReturnType<typeof createTestCore>>;
  let customer: Awaited<ReturnType<typeof createCustomer>>;
  beforeAll(async () => {
    core = await createTestCore();
    customer = await createCustomer(core.db, core.services, {
      name: "試験 花子",
      birthDate: "1985-03-03",
      phone: "090-3333-4444",
      emails: ["h@example.test"],
      loginPassword: "Right4pass9",
    });
  });
  afterAll(() => core.close());

  const record = (body: unknown) => core.call("/v1/login-throttles", { method: "POST", json: body });
  const throttleEvents = (subject: string) =>
    core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.eventType, "login_throttle"), eq(auditEvents.subject, subject)));

  it("audits the throttle engaging for a customer's code, with the client and the wait", async () => {
    const res = await record({
      scope: "customer_code",
      customerCode: customer.customerCode,
      client: testClient,
      retryAfterSeconds: 900,
    });
    expect(res.status).toBe(200);
    expect(await readAs(res, recordLoginThrottleResponseSchema)).toEqual({ recorded: true });
    const rows = await throttleEvents(customer.customerCode);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      customerId: customer.id,
      outcome: "throttled",
      ipAddress: testClient.ipAddress,
      userAgent: testClient.userAgent,
      detail: { scope: "customer_code", retryAfterSeconds: 900 },
    });
  });

  it("keeps an unknown code as the subject, with no customer", async () => {
    const res = await record({ scope: "client", customerCode: "9999998", client: testClient, retryAfterSeconds: 60 });
    expect(res.status).toBe(200);
    const rows = await throttleEvents("9999998");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customerId: null, detail: { scope: "client", retryAfterSeconds: 60 } });
  });

  it("audits a client address being slowed down past its ceiling", async () => {
    const res = await record({
      scope: "client_slowdown",
      customerCode: "9999997",
      client: testClient,
      retryAfterSeconds: 840,
    });
    expect(res.status).toBe(200);
    const rows = await throttleEvents("9999997");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: "throttled",
      ipAddress: testClient.ipAddress,
      detail: { scope: "client_slowdown", retryAfterSeconds: 840 },
    });
  });

  it("refuses a malformed report and records nothing", async () => {
    const res = await record({ scope: "everyone", customerCode: "12", client: testClient, retryAfterSeconds: 0 });
    expect(res.status).toBe(400);
    expect(await throttleEvents("12")).toHaveLength(0);
  });

  it("is for the BFF only", async () => {
    const res = await core.call("/v1/login-throttles", {
      method: "POST",
      headers: { authorization: "Bearer wrong-token-wrong-token-wrong" },
      json: { scope: "client", customerCode: customer.customerCode, client: testClient, retryAfterSeconds: 60 },
    });
    expect(res.status).toBe(401);
  });
});

import { recordSessionEventResponseSchema } from "@kakunin/contracts/core-api";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema.ts";
import { createCustomer } from "../../domain/customers.ts";
import { createTestCore, readAs, readError, testBackends, testClient } from "../../test/test-app.ts";

describe.each(testBackends)("POST /v1/customers/:id/session-events ($name)", ({ open }) => {
  let core: Awaited<ReturnType<typeof createTestCore>>;
  let customerId: string;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
    const customer = await createCustomer(core.db, core.services, {
      name: "試験 端末",
      birthDate: "1980-01-02",
      phone: "090-5555-6666",
      emails: ["sessions@example.test"],
      loginPassword: "Sess4ions9x",
    });
    customerId = customer.id;
  });
  afterAll(() => core.close());

  const record = (id: string, body: unknown, headers?: Record<string, string>) =>
    core.call(`/v1/customers/${id}/session-events`, { method: "POST", json: body, headers });
  const logoutEvents = (id: string) =>
    core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.eventType, "session_logout"), eq(auditEvents.customerId, id)))
      .orderBy(auditEvents.id);

  it("audits ending every other session, with the client, the count and the request id", async () => {
    const res = await record(
      customerId,
      { action: "logout_others", ended: 2, client: testClient },
      { "x-request-id": "sessions-trace-1" },
    );
    expect(res.status).toBe(200);
    expect(await readAs(res, recordSessionEventResponseSchema)).toEqual({ recorded: true });
    const rows = await logoutEvents(customerId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: "success",
      ipAddress: testClient.ipAddress,
      userAgent: testClient.userAgent,
      requestId: "sessions-trace-1",
      detail: { action: "logout_others", ended: 2 },
    });
  });

  it("records a logout that found nothing left to end as noop", async () => {
    const res = await record(customerId, { action: "logout_one", ended: 0, client: testClient });
    expect(res.status).toBe(200);
    const rows = await logoutEvents(customerId);
    expect(rows.at(-1)).toMatchObject({ outcome: "noop", detail: { action: "logout_one", ended: 0 } });
  });

  it("answers 404 for an unknown customer and records nothing", async () => {
    const unknown = crypto.randomUUID();
    const res = await record(unknown, { action: "logout_one", ended: 1, client: testClient });
    expect(res.status).toBe(404);
    expect((await readError(res)).code).toBe("not_found");
    expect(await logoutEvents(unknown)).toHaveLength(0);
  });

  it("refuses a malformed report and records nothing", async () => {
    const before = (await logoutEvents(customerId)).length;
    const res = await record(customerId, { action: "logout_everyone", ended: -1, client: testClient });
    expect(res.status).toBe(400);
    expect(await logoutEvents(customerId)).toHaveLength(before);
  });

  it("is for the BFF only", async () => {
    const res = await record(
      customerId,
      { action: "logout_one", ended: 1, client: testClient },
      { authorization: "Bearer wrong-token-wrong-token-wrong" },
    );
    expect(res.status).toBe(401);
  });
});

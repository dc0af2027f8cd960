import { verifyLoginResponseSchema } from "@kakunin/contracts/core-api";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, customers, outbox } from "../../db/schema.ts";
import { createCustomer } from "../../domain/customers.ts";
import { createTestCore, knownDeviceLogin, readAs, readError, testClient } from "../../test/test-app.ts";

describe("POST /v1/login-verifications", () => {
  let core: Awaited<ReturnType<typeof createTestCore>>;
  let code: string;
  beforeAll(async () => {
    core = await createTestCore();
    const customer = await createCustomer(core.db, core.services, {
      name: "試験 太郎",
      birthDate: "1980-01-15",
      phone: "090-1111-2222",
      emails: ["t@example.test"],
      loginPassword: "Right4pass9",
    });
    code = customer.customerCode;
  });
  afterAll(() => core.close());

  // Logins from a device the customer already used; new devices have their own tests below.
  const verify = (body: { customerCode: string; password: string; client: unknown }) => knownDeviceLogin(core, body);

  it("accepts the right password, returns the customer and audits a success", async () => {
    const res = await verify({ customerCode: code, password: "Right4pass9", client: testClient });
    expect(res.status).toBe(200);
    const body = await readAs(res, verifyLoginResponseSchema);
    expect(body.customer).toMatchObject({ customerCode: code, name: "試験 太郎" });
    const rows = await core.db.select().from(auditEvents).where(eq(auditEvents.customerId, body.customer.id));
    expect(rows.at(-1)).toMatchObject({ eventType: "login", outcome: "success", ipAddress: "127.0.0.1" });
  });

  it("gives the same answer for a wrong password and an unknown code, and audits both", async () => {
    const wrong = await verify({ customerCode: code, password: "Wrong4pass9", client: testClient });
    const unknown = await verify({ customerCode: "9999999", password: "Right4pass9", client: testClient });
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    const [a, b] = [await readError(wrong), await readError(unknown)];
    expect(a.code).toBe("invalid_credentials");
    expect(b.message).toBe(a.message);
    const failures = await core.db.select().from(auditEvents).where(eq(auditEvents.outcome, "failure"));
    expect(failures.map((f) => f.subject)).toEqual(expect.arrayContaining([code, "9999999"]));
    expect(failures.find((f) => f.subject === "9999999")?.customerId).toBeNull();
  });

  it("queues ログイン通知 with time, IP and browser when the customer turned it on (R4), and only then", async () => {
    const on = await createCustomer(core.db, core.services, {
      name: "通知 有り",
      birthDate: "1980-01-15",
      phone: "090-1111-2222",
      emails: ["on@example.test"],
      loginPassword: "Right4pass9",
      mailSettings: [{ type: "login_notification", enabled: true, destination: 1 }],
    });
    await verify({ customerCode: on.customerCode, password: "Wrong4pass9", client: testClient });
    expect(await core.db.select().from(outbox).where(eq(outbox.customerId, on.id))).toHaveLength(0);
    // A real browser's User-Agent, so the mail's readable browser / OS is checked.
    const chrome =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    await verify({
      customerCode: on.customerCode,
      password: "Right4pass9",
      client: { ...testClient, userAgent: chrome },
    });
    const mails = await core.db.select().from(outbox).where(eq(outbox.customerId, on.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ mailType: "login_notification", toAddress: "on@example.test" });
    expect(mails[0]?.bodyText).toContain("IPアドレス: 127.0.0.1");
    expect(mails[0]?.bodyText).toContain("ブラウザ / OS: Chrome 131 / Windows 10");

    // The customer created in beforeAll has it off (the default).
    await verify({ customerCode: code, password: "Right4pass9", client: testClient });
    const [self] = await core.db.select().from(customers).where(eq(customers.customerCode, code));
    expect(
      await core.db
        .select()
        .from(outbox)
        .where(eq(outbox.customerId, self?.id ?? "")),
    ).toHaveLength(0);
  });

  it("stores only an argon2id hash", async () => {
    const [row] = await core.db.select().from(customers).where(eq(customers.customerCode, code));
    expect(row?.loginPasswordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.loginPasswordHash).not.toContain("Right4pass9");
  });

  it("rejects bad input with field errors and records nothing", async () => {
    const before = (await core.db.select().from(auditEvents)).length;
    const res = await core.call("/v1/login-verifications", {
      method: "POST",
      json: { customerCode: "12ab", password: "", client: testClient, extra: true },
    });
    expect(res.status).toBe(400);
    const error = await readError(res);
    expect(error.code).toBe("validation_failed");
    expect(error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(["customerCode", "password"]));
    expect((await core.db.select().from(auditEvents)).length).toBe(before);
  });

  it("refuses a non-JSON body and malformed JSON", async () => {
    const plain = await core.call("/v1/login-verifications", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "customerCode=1",
    });
    expect(plain.status).toBe(415);
    const malformed = await core.call("/v1/login-verifications", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(malformed.status).toBe(400);
    expect((await readError(malformed)).code).toBe("validation_failed");
  });
});

import { customerSummarySchema, loginHistorySchema, noticeListSchema } from "@kakunin/contracts/customers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer } from "../../domain/customers.ts";
import { createTestCore, knownDeviceLogin, readAs, readError, testClient } from "../../test/test-app.ts";

describe("customers routes", () => {
  let core: Awaited<ReturnType<typeof createTestCore>>;
  let id: string;
  let code: string;
  let initialPassword: string;
  beforeAll(async () => {
    core = await createTestCore();
    const c = await createCustomer(core.db, core.services, {
      name: "試験 花子",
      birthDate: "1975-06-30",
      phone: "080-1111-2222",
      emails: ["h@example.test"],
      loginPassword: "Hana4river8",
    });
    id = c.id;
    code = c.customerCode;
    initialPassword = c.executionPassword;
  });
  afterAll(() => core.close());

  it("returns the customer summary", async () => {
    const res = await core.call(`/v1/customers/${id}`);
    expect(res.status).toBe(200);
    expect(await readAs(res, customerSummarySchema)).toEqual({ id, customerCode: code, name: "試験 花子" });
  });

  it("answers 404 for an unknown customer and 400 for a malformed id", async () => {
    const unknown = await core.call(`/v1/customers/${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect((await readError(unknown)).code).toBe("not_found");
    const malformed = await core.call("/v1/customers/not-a-uuid");
    expect(malformed.status).toBe(400);
  });

  it("lists the initial execution password first, to this customer only, then the company notice", async () => {
    const res = await core.call(`/v1/customers/${id}/notices`);
    const { notices } = await readAs(res, noticeListSchema);
    expect(notices.map((n) => n.title)).toEqual([
      "初期執行パスワードのお知らせ",
      // Issue 14: this customer has no passkey yet.
      "パスキー登録のお願い",
      "（重要）弊社取引システムのセキュリティ強化及び執行パスワード導入のご案内",
    ]);
    expect(notices[0]?.body).toContain(`「${initialPassword}」`);
    expect(notices[0]?.topic).toBe("execution_password_change");

    const other = await createCustomer(core.db, core.services, {
      name: "別 顧客",
      birthDate: "1970-02-02",
      phone: "080-3333-4444",
      emails: [],
      loginPassword: "Other4pass9",
    });
    const theirs = await readAs(await core.call(`/v1/customers/${other.id}/notices`), noticeListSchema);
    expect(theirs.notices[0]?.body).toContain(`「${other.executionPassword}」`);
    expect(JSON.stringify(theirs)).not.toContain(initialPassword);
  });

  it("shows the customer's own login attempts, newest first", async () => {
    const verify = (password: string, userAgent: string) =>
      knownDeviceLogin(core, { customerCode: code, password, client: { ...testClient, userAgent } });
    await verify("Wrong4river8", "first");
    await verify("Hana4river8", "second");
    const res = await core.call(`/v1/customers/${id}/login-history`);
    const { entries } = await readAs(res, loginHistorySchema);
    expect(entries.map((e) => [e.outcome, e.userAgent])).toEqual([
      ["success", "second"],
      ["failure", "first"],
    ]);
  });
});

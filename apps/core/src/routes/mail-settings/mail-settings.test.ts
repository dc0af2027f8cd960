import { mailSettingsSchema } from "@kakunin/contracts/mail";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, outbox } from "../../db/schema.ts";
import { createHanako } from "../../test/customers.ts";
import { createTestCore, readAs, readError, testClient } from "../../test/test-app.ts";

describe("GET mail-settings (R23)", () => {
  let core: Awaited<ReturnType<typeof createTestCore>>;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("lists the addresses and every optional mail type with its state and 配信先", async () => {
    const c = await createHanako(core, {
      mailSettings: [{ type: "view_auth_code", enabled: true, destination: 2 }],
    });
    const res = await core.call(`/v1/customers/${c.id}/mail-settings`);
    expect(res.status).toBe(200);
    const body = await readAs(res, mailSettingsSchema);
    expect(body.addresses).toEqual([
      { position: 1, address: "one@example.test" },
      { position: 2, address: "two@example.test" },
    ]);
    expect(body.settings).toHaveLength(7);
    expect(body.settings.find((s) => s.type === "view_auth_code")).toEqual({
      type: "view_auth_code",
      label: "照会用認証コード",
      enabled: true,
      destination: 2,
    });
    expect(body.settings.filter((s) => s.enabled)).toHaveLength(1);
  });

  it("answers 404 for an unknown customer", async () => {
    expect((await core.call(`/v1/customers/${crypto.randomUUID()}/mail-settings`)).status).toBe(404);
  });
});

describe("PUT mail-settings (R24)", () => {
  let core: Awaited<ReturnType<typeof createTestCore>>;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  const AT = new Date("2022-10-03T10:00:00+09:00");

  async function newCustomer(options: { emails?: string[]; infoMail?: { enabled: boolean; destination: 1 | 2 } } = {}) {
    const c = await createHanako(core, {
      emails: options.emails ?? ["one@example.test", "two@example.test"],
      ...(options.infoMail ? { mailSettings: [{ type: "account_info_changed" as const, ...options.infoMail }] } : {}),
    });
    core.services.clock.set(c.id, AT);
    return c;
  }

  const change = (customerId: string, change: Record<string, unknown>) =>
    core.call(`/v1/customers/${customerId}/mail-settings`, { method: "PUT", json: { change, client: testClient } });

  const mails = (customerId: string) =>
    core.db.select().from(outbox).where(eq(outbox.customerId, customerId)).orderBy(outbox.id);

  const audits = (customerId: string) =>
    core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, customerId), eq(auditEvents.eventType, "mail_setting_change")))
      .orderBy(auditEvents.id);

  it("stores the change, audits it and answers every setting; 口座情報変更完了通知 goes out when on", async () => {
    const c = await newCustomer({ infoMail: { enabled: true, destination: 1 } });
    const res = await change(c.id, { type: "withdrawal_auth_code", enabled: true, destination: 2 });
    expect(res.status).toBe(200);
    const body = await readAs(res, mailSettingsSchema);
    expect(body.settings).toHaveLength(7);
    expect(body.settings.find((s) => s.type === "withdrawal_auth_code")).toEqual({
      type: "withdrawal_auth_code",
      label: "出金認証コード通知メール",
      enabled: true,
      destination: 2,
    });
    expect(await readAs(await core.call(`/v1/customers/${c.id}/mail-settings`), mailSettingsSchema)).toEqual(body);

    const events = await audits(c.id);
    expect(events.map((e) => [e.outcome, e.detail])).toEqual([
      ["success", { type: "withdrawal_auth_code", enabled: true, destination: 2 }],
    ]);
    const queued = await mails(c.id);
    expect(queued.map((m) => [m.mailType, m.toAddress])).toEqual([["account_info_changed", "one@example.test"]]);
    expect(queued[0]?.bodyText).toContain("変更項目: メールサービス配信設定（出金認証コード通知メール）");
    expect(queued[0]?.bodyText).toContain("2022/10/03 10:00:00 (日本時間)");
  });

  it("mails nothing when 口座情報変更完了通知メール is off", async () => {
    const c = await newCustomer();
    expect((await change(c.id, { type: "login_notification", enabled: true, destination: 1 })).status).toBe(200);
    expect(await mails(c.id)).toHaveLength(0);
    expect(await audits(c.id)).toHaveLength(1);
  });

  it("turning the notices off or moving them is reported to the address that received them; turning them on, to the new one", async () => {
    const c = await newCustomer({ infoMail: { enabled: true, destination: 1 } });
    expect((await change(c.id, { type: "account_info_changed", enabled: true, destination: 2 })).status).toBe(200);
    expect((await change(c.id, { type: "account_info_changed", enabled: false, destination: 2 })).status).toBe(200);
    expect((await change(c.id, { type: "account_info_changed", enabled: true, destination: 1 })).status).toBe(200);
    expect((await mails(c.id)).map((m) => m.toAddress)).toEqual([
      "one@example.test",
      "two@example.test",
      "one@example.test",
    ]);
  });

  it("submitting the current values changes nothing and mails nothing", async () => {
    const c = await newCustomer({ infoMail: { enabled: true, destination: 1 } });
    const res = await change(c.id, { type: "fund_execution", enabled: false, destination: 1 });
    expect(res.status).toBe(200);
    expect(await mails(c.id)).toHaveLength(0);
    expect((await audits(c.id)).map((e) => e.outcome)).toEqual(["noop"]);
  });

  it("refuses a 配信先 that is not a registered address, storing nothing", async () => {
    const c = await newCustomer({ emails: ["only@example.test"], infoMail: { enabled: true, destination: 1 } });
    const before = await readAs(await core.call(`/v1/customers/${c.id}/mail-settings`), mailSettingsSchema);
    const res = await change(c.id, { type: "withdrawal_auth_code", enabled: true, destination: 2 });
    expect(res.status).toBe(400);
    expect(await readError(res)).toMatchObject({
      code: "validation_failed",
      fields: [{ path: "destination", message: "メールアドレス2が登録されていません。" }],
    });
    expect(await readAs(await core.call(`/v1/customers/${c.id}/mail-settings`), mailSettingsSchema)).toEqual(before);
    expect(await mails(c.id)).toHaveLength(0);
    expect(await audits(c.id)).toHaveLength(0);
  });

  it("refuses invalid input with field errors, and answers 404 for an unknown customer", async () => {
    const c = await newCustomer();
    const res = await change(c.id, { type: "account_locked", enabled: "yes", destination: 3 });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields?.map((f) => f.path)).toEqual(
      expect.arrayContaining(["change.type", "change.enabled", "change.destination"]),
    );
    const unknown = await change(crypto.randomUUID(), { type: "login_notification", enabled: true, destination: 1 });
    expect(unknown.status).toBe(404);
  });
});

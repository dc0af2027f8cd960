import {
  accountOpeningListSchema,
  profileChangeReceiptSchema,
  profileSchema,
  registeredEmailsSchema,
} from "@kakunin/contracts/registered-info";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { auditEvents, customerEmails, customers, outbox } from "../../db/schema.ts";
import { jstDate } from "../../domain/customers.ts";
import { demoCustomers, seedDemoData } from "../../seed/demo-data.ts";
import { createHanako } from "../../test/customers.ts";
import { createTestCore, readAs, readError, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const AT = new Date("2022-10-03T10:00:00+09:00");

async function newCustomer(core: Core, options: { infoMailOn?: boolean; emails?: string[] } = {}) {
  const c = await createHanako(core, {
    emails: options.emails ?? ["one@example.test"],
    ...(options.infoMailOn
      ? { mailSettings: [{ type: "account_info_changed" as const, enabled: true, destination: 1 as const }] }
      : {}),
  });
  core.services.clock.set(c.id, AT);
  return c;
}

const mails = (core: Core, customerId: string) =>
  core.db.select().from(outbox).where(eq(outbox.customerId, customerId)).orderBy(outbox.id);

const audits = (core: Core, customerId: string, eventType: string) =>
  core.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.customerId, customerId), eq(auditEvents.eventType, eventType)));

describe("口座情報 (R20, R22)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  const change = (customerId: string, change: Record<string, unknown>) =>
    core.call(`/v1/customers/${customerId}/profile`, { method: "PUT", json: { change, client: testClient } });

  it("shows the profile with the bank account number masked", async () => {
    const c = await newCustomer(core);
    const res = await core.call(`/v1/customers/${c.id}/profile`);
    expect(res.status).toBe(200);
    const profile = await readAs(res, profileSchema);
    expect(profile).toEqual({
      customerCode: c.customerCode,
      name: "試験 花子",
      nameKana: "シケン タロウ",
      birthDate: "1975-06-30",
      postalCode: "150-0002",
      address: "東京都渋谷区渋谷2-24-12",
      phone: "080-1111-2222",
      bankAccount: {
        bankName: "kakunin銀行",
        branchName: "本店営業部",
        accountType: "普通",
        accountNumberMasked: "****567",
        holderKana: "シケン タロウ",
      },
    });
    expect((await core.call(`/v1/customers/${crypto.randomUUID()}/profile`)).status).toBe(404);
  });

  it("changes postal code, address and phone, audits it and mails the changed items when the customer wants it", async () => {
    const c = await newCustomer(core, { infoMailOn: true });
    const res = await change(c.id, { postalCode: "1500002", address: "東京都渋谷区神南1-1-1", phone: "090-9999-8888" });
    expect(res.status).toBe(200);
    const profile = await readAs(res, profileChangeReceiptSchema);
    expect(profile).toMatchObject({ postalCode: "150-0002", address: "東京都渋谷区神南1-1-1", phone: "090-9999-8888" });
    // Issue 17 B7: where the mail went, for the completion screen.
    expect(profile.notificationSentTo).toBe("o***@example.test");
    const queued = await mails(core, c.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ mailType: "account_info_changed", toAddress: "one@example.test" });
    // The postal code did not change (only its spelling), so it is not listed.
    expect(queued[0]?.bodyText).toContain("変更項目: 住所、電話番号");
    expect(queued[0]?.bodyText).toContain("2022/10/03 10:00:00 (日本時間)");
    const events = await audits(core, c.id, "profile_change");
    expect(events.map((e) => [e.outcome, e.detail])).toEqual([["success", { items: ["address", "phone"] }]]);
  });

  it("mails nothing when the customer left the mail off, or when nothing changed", async () => {
    const off = await newCustomer(core);
    const offRes = await change(off.id, {
      postalCode: "100-0005",
      address: "東京都千代田区丸の内1-1",
      phone: "03-1234-5678",
    });
    expect(offRes.status).toBe(200);
    expect((await readAs(offRes, profileChangeReceiptSchema)).notificationSentTo).toBeNull();
    expect(await mails(core, off.id)).toHaveLength(0);
    expect((await readAs(await core.call(`/v1/customers/${off.id}/profile`), profileSchema)).phone).toBe(
      "03-1234-5678",
    );

    const on = await newCustomer(core, { infoMailOn: true });
    const same = await change(on.id, {
      postalCode: "150-0002",
      address: "東京都渋谷区渋谷2-24-12",
      phone: "080-1111-2222",
    });
    expect(same.status).toBe(200);
    expect(await mails(core, on.id)).toHaveLength(0);
    expect((await audits(core, on.id, "profile_change")).map((e) => e.outcome)).toEqual(["noop"]);
  });

  it("rejects invalid input with field errors and stores nothing", async () => {
    const c = await newCustomer(core, { infoMailOn: true });
    const res = await change(c.id, { postalCode: "15-00", address: "", phone: "12345" });
    expect(res.status).toBe(400);
    const error = await readError(res);
    expect(error.code).toBe("validation_failed");
    expect(error.fields?.map((f) => f.path)).toEqual(
      expect.arrayContaining(["change.postalCode", "change.address", "change.phone"]),
    );
    const [row] = await core.db.select().from(customers).where(eq(customers.id, c.id));
    expect(row).toMatchObject({ postalCode: "150-0002", phone: "080-1111-2222" });
    expect(await mails(core, c.id)).toHaveLength(0);
  });
});

describe("口座開設状況 (R20)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("lists every kind: 総合口座 and 特定口座 open since the creation date, the rest 未開設", async () => {
    const c = await newCustomer(core);
    const today = jstDate(new Date());
    const res = await core.call(`/v1/customers/${c.id}/account-openings`);
    expect(await readAs(res, accountOpeningListSchema)).toEqual({
      accounts: [
        { kind: "総合口座", status: "開設済", appliedOn: today, openedOn: today },
        { kind: "特定口座", status: "開設済", appliedOn: today, openedOn: today },
        { kind: "NISA口座", status: "未開設", appliedOn: null, openedOn: null },
        { kind: "信用取引口座", status: "未開設", appliedOn: null, openedOn: null },
      ],
    });
    expect((await core.call(`/v1/customers/${crypto.randomUUID()}/account-openings`)).status).toBe(404);
  });

  it("shows the demo customers' accounts and bank (SPEC §9)", async () => {
    const demo = await createTestCore();
    onTestFinished(() => demo.close());
    expect(await seedDemoData(demo.db, demo.services)).toBe(true);
    const idOf = async (code: string) =>
      (await demo.db.select({ id: customers.id }).from(customers).where(eq(customers.customerCode, code)))[0]?.id;
    const hanako = await idOf("1000002");
    const { accounts } = await readAs(
      await demo.call(`/v1/customers/${hanako}/account-openings`),
      accountOpeningListSchema,
    );
    expect(Object.fromEntries(accounts.map((a) => [a.kind, a.status]))).toEqual({
      総合口座: "開設済",
      特定口座: "開設済",
      NISA口座: "開設済",
      信用取引口座: "審査中",
    });
    const taro = await readAs(await demo.call(`/v1/customers/${await idOf("1000001")}/profile`), profileSchema);
    expect(taro.bankAccount).toEqual({
      bankName: "三井住友銀行",
      branchName: "渋谷支店",
      accountType: "普通",
      accountNumberMasked: "****567",
      holderKana: "ヤマダ タロウ",
    });
    expect(demoCustomers.every((d) => d.nameKana && d.address && d.postalCode)).toBe(true);
  });
});

describe("メールアドレス登録 (R20, R22)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  const change = (customerId: string, change: Record<string, unknown>) =>
    core.call(`/v1/customers/${customerId}/emails`, { method: "PUT", json: { change, client: testClient } });

  it("lists the registered addresses", async () => {
    const c = await newCustomer(core, { emails: ["one@example.test", "two@example.test"] });
    const res = await core.call(`/v1/customers/${c.id}/emails`);
    expect(await readAs(res, registeredEmailsSchema)).toEqual({
      addresses: [
        { position: 1, address: "one@example.test" },
        { position: 2, address: "two@example.test" },
      ],
    });
    expect((await core.call(`/v1/customers/${crypto.randomUUID()}/emails`)).status).toBe(404);
  });

  it("changes an address and notifies the old and the new one, always, with the change audited", async () => {
    const c = await newCustomer(core);
    const res = await change(c.id, { position: 1, address: "new@example.test" });
    expect(res.status).toBe(200);
    expect(await readAs(res, registeredEmailsSchema)).toEqual({
      addresses: [{ position: 1, address: "new@example.test" }],
    });
    const queued = await mails(core, c.id);
    expect(queued.map((m) => [m.mailType, m.toAddress])).toEqual([
      ["email_changed", "one@example.test"],
      ["email_changed", "new@example.test"],
    ]);
    expect(queued[0]?.bodyText).toContain("変更前: o***@example.test");
    expect(queued[0]?.bodyText).toContain("変更後: n***@example.test");
    const events = await audits(core, c.id, "email_change");
    expect(events.map((e) => [e.outcome, e.detail])).toEqual([
      ["success", { position: 1, oldAddress: "o***@example.test", newAddress: "n***@example.test" }],
    ]);
  });

  it("also sends 口座情報変更完了通知メール when on, to the 配信先", async () => {
    const c = await newCustomer(core, { infoMailOn: true });
    expect((await change(c.id, { position: 1, address: "new@example.test" })).status).toBe(200);
    const queued = await mails(core, c.id);
    expect(queued.map((m) => [m.mailType, m.toAddress])).toEqual([
      ["email_changed", "one@example.test"],
      ["email_changed", "new@example.test"],
      ["account_info_changed", "new@example.test"],
    ]);
    expect(queued[2]?.bodyText).toContain("変更項目: メールアドレス");
  });

  it("adds a second address, notifying it and the first", async () => {
    const c = await newCustomer(core);
    const res = await change(c.id, { position: 2, address: "two@example.test" });
    expect(await readAs(res, registeredEmailsSchema)).toEqual({
      addresses: [
        { position: 1, address: "one@example.test" },
        { position: 2, address: "two@example.test" },
      ],
    });
    const queued = await mails(core, c.id);
    expect(queued.map((m) => m.toAddress)).toEqual(["two@example.test", "one@example.test"]);
    expect(queued[0]?.bodyText).toContain("変更前: （未登録）");
  });

  it("refuses the other slot's address, an invalid address and a second address without a first", async () => {
    const c = await newCustomer(core, { emails: ["one@example.test", "two@example.test"] });
    const same = await change(c.id, { position: 2, address: "ONE@example.test" });
    expect(same.status).toBe(400);
    expect(await readError(same)).toMatchObject({
      code: "validation_failed",
      fields: [{ path: "address", message: "同じメールアドレスは登録できません。" }],
    });
    const invalid = await change(c.id, { position: 1, address: "not-an-address" });
    expect(invalid.status).toBe(400);
    expect((await readError(invalid)).fields?.[0]).toMatchObject({
      path: "change.address",
      message: "メールアドレスの形式が正しくありません。",
    });
    const badPosition = await change(c.id, { position: 3, address: "three@example.test" });
    expect(badPosition.status).toBe(400);

    const none = await newCustomer(core, { emails: [] });
    const orphan = await change(none.id, { position: 2, address: "two@example.test" });
    expect((await readError(orphan)).fields?.[0]?.path).toBe("position");

    const stored = await core.db.select().from(customerEmails).where(eq(customerEmails.customerId, c.id));
    expect(stored.map((r) => r.address).sort()).toEqual(["one@example.test", "two@example.test"]);
    expect(await mails(core, c.id)).toHaveLength(0);
    expect(await audits(core, c.id, "email_change")).toHaveLength(0);
  });

  it("setting the same address again changes and mails nothing", async () => {
    const c = await newCustomer(core);
    expect((await change(c.id, { position: 1, address: "one@example.test" })).status).toBe(200);
    expect(await mails(core, c.id)).toHaveLength(0);
  });
});

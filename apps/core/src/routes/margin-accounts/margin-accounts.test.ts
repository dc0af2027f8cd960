import { errorMessages } from "@kakunin/contracts/error-body";
import { exampleMarginAccountApplication } from "@kakunin/contracts/examples";
import { marginAccountApplicationViewSchema } from "@kakunin/contracts/margin-accounts";
import { opsActionResponseSchema } from "@kakunin/contracts/ops";
import { accountOpeningListSchema } from "@kakunin/contracts/registered-info";
import { balancesSchema } from "@kakunin/contracts/trading";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { accountOpenings, customers, marginAccountApplications } from "../../db/schema.ts";
import { seedDemoData } from "../../seed/demo-data.ts";
import { createTaro } from "../../test/customers.ts";
import { auditsOf as audits, mailsOf as mails } from "../../test/rows.ts";
import {
  breakOutbox,
  createTestCore,
  readAs,
  readError,
  TEST_OPS_TOKEN,
  testBackends,
  testClient,
} from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const APPLIED = new Date("2026-11-20T10:00:00+09:00");
const DECIDED = new Date("2026-11-24T15:30:00+09:00");
const APPLICATION = exampleMarginAccountApplication;

async function newCustomer(core: Core) {
  const c = await createTaro(core, { emails: ["first@example.test", "second@example.test"] });
  core.services.clock.set(c.id, APPLIED);
  return c;
}

const apply = (core: Core, customerId: string, application: Record<string, unknown> = APPLICATION) =>
  core.call(`/v1/customers/${customerId}/margin-account-applications`, {
    method: "POST",
    json: { change: application, client: testClient },
  });

const decide = (core: Core, customerCode: string, decision: "approve" | "reject", note?: string) =>
  core.call(`/ops/customers/${customerCode}/margin-account-applications/${decision}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_OPS_TOKEN}` },
    json: { operator: "suzuki", ...(note ? { note } : {}) },
  });

const marginOpening = async (core: Core, customerId: string) => {
  const { accounts } = await readAs(
    await core.call(`/v1/customers/${customerId}/account-openings`),
    accountOpeningListSchema,
  );
  return accounts.find((a) => a.kind === "信用取引口座");
};

const applications = (core: Core, customerId: string) =>
  core.db.select().from(marginAccountApplications).where(eq(marginAccountApplications.customerId, customerId));

describe("信用取引口座開設の申込 (R41)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("未開設 → 審査中: stores the answers, audits them and mails the receipt (always)", async () => {
    const c = await newCustomer(core);
    expect(await marginOpening(core, c.id)).toMatchObject({ status: "未開設", appliedOn: null });
    const res = await apply(core, c.id);
    expect(res.status).toBe(201);
    const view = await readAs(res, marginAccountApplicationViewSchema);
    expect(view).toEqual({
      id: expect.any(String),
      status: "審査中",
      appliedAt: APPLIED.toISOString(),
      stockExperience: "3〜5年",
      annualIncome: "500〜1,000万円",
      financialAssets: "1,000〜3,000万円",
    });
    expect(await marginOpening(core, c.id)).toEqual({
      kind: "信用取引口座",
      status: "審査中",
      appliedOn: "2026-11-20",
      openedOn: null,
    });
    const [row] = await applications(core, c.id);
    expect(row).toMatchObject({ agreedAt: APPLIED, appliedAt: APPLIED, decision: null, decidedAt: null });

    const queued = await mails(core, c.id);
    expect(queued.map((m) => [m.mailType, m.toAddress, m.subject])).toEqual([
      ["margin_account_applied", "first@example.test", "【kakunin証券】信用取引口座開設のお申し込みを受け付けました"],
    ]);
    expect((await audits(core, c.id, "margin_account_apply")).map((e) => [e.outcome, e.detail])).toEqual([
      [
        "success",
        {
          applicationId: view.id,
          stockExperience: "3〜5年",
          annualIncome: "500〜1,000万円",
          financialAssets: "1,000〜3,000万円",
        },
      ],
    ]);
  });

  it("審査中 again: 409 margin_application_in_review, nothing stored or mailed twice", async () => {
    const c = await newCustomer(core);
    await apply(core, c.id);
    const again = await apply(core, c.id, { ...APPLICATION, stockExperience: "5年以上" });
    expect(again.status).toBe(409);
    expect(await readError(again)).toMatchObject({
      code: "margin_application_in_review",
      message: errorMessages.margin_application_in_review,
    });
    expect(await applications(core, c.id)).toHaveLength(1);
    expect(await mails(core, c.id)).toHaveLength(1);
  });

  it("refuses without the 約諾書 consent or with unknown answers, with field errors; stores nothing", async () => {
    const c = await newCustomer(core);
    const res = await apply(core, c.id, {
      stockExperience: "10年",
      annualIncome: "500〜1,000万円",
      financialAssets: "1,000〜3,000万円",
      agreement: false,
    });
    expect(res.status).toBe(400);
    const fields = (await readError(res)).fields ?? [];
    expect(fields.map((f) => f.path)).toEqual(expect.arrayContaining(["change.stockExperience", "change.agreement"]));
    expect(fields.find((f) => f.path === "change.agreement")?.message).toBe(
      "信用取引口座設定約諾書の内容をご確認のうえ、同意してください。",
    );
    expect(await applications(core, c.id)).toHaveLength(0);
    expect(await marginOpening(core, c.id)).toMatchObject({ status: "未開設" });
  });

  it("投資経験 なし is accepted by the form's rules: suitability is the operator's decision", async () => {
    const c = await newCustomer(core);
    expect((await apply(core, c.id, { ...APPLICATION, stockExperience: "なし" })).status).toBe(201);
  });

  it("answers 404 for an unknown customer", async () => {
    expect((await apply(core, crypto.randomUUID())).status).toBe(404);
  });
});

describe("信用取引口座開設: the operator's decision (R41)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("approval opens it (開設済 today), mails 開設完了 and lets 信用新規 through", async () => {
    const c = await newCustomer(core);
    const view = await readAs(await apply(core, c.id), marginAccountApplicationViewSchema);
    core.services.clock.set(c.id, DECIDED);
    const res = await decide(core, c.customerCode, "approve", "call 42");
    expect(res.status).toBe(200);
    expect(await readAs(res, opsActionResponseSchema)).toEqual({ customerCode: c.customerCode, done: "approved" });
    expect(await marginOpening(core, c.id)).toEqual({
      kind: "信用取引口座",
      status: "開設済",
      appliedOn: "2026-11-20",
      openedOn: "2026-11-24",
    });
    const [row] = await applications(core, c.id);
    expect(row).toMatchObject({ decision: "承認", decidedAt: DECIDED, operator: "suzuki", note: "call 42" });
    const queued = await mails(core, c.id);
    expect(queued.map((m) => m.mailType)).toEqual(["margin_account_applied", "margin_account_opened"]);
    expect(queued[1]?.bodyText).not.toContain("call 42");
    expect((await audits(core, c.id, "margin_account_approve")).map((e) => [e.subject, e.userAgent, e.detail])).toEqual(
      [["suzuki", "operator:suzuki", { operator: "suzuki", note: "call 42", applicationId: view.id }]],
    );
    const balances = await readAs(await core.call(`/v1/customers/${c.id}/balances`), balancesSchema);
    expect(balances.marginAccountOpen).toBe(true);

    const again = await apply(core, c.id);
    expect(again.status).toBe(409);
    expect((await readError(again)).code).toBe("margin_account_open");
  });

  it("rejection returns it to 未開設 and mails the result without the internal note; the customer may apply again", async () => {
    const c = await newCustomer(core);
    await apply(core, c.id, { ...APPLICATION, stockExperience: "なし" });
    const res = await decide(core, c.customerCode, "reject", "投資経験なし: 不適合");
    expect(res.status).toBe(200);
    expect(await readAs(res, opsActionResponseSchema)).toEqual({ customerCode: c.customerCode, done: "rejected" });
    expect(await marginOpening(core, c.id)).toEqual({
      kind: "信用取引口座",
      status: "未開設",
      appliedOn: null,
      openedOn: null,
    });
    const queued = await mails(core, c.id);
    expect(queued.map((m) => m.mailType)).toEqual(["margin_account_applied", "margin_account_rejected"]);
    expect(queued[1]?.bodyText).toContain("今回は開設を見送らせていただきました");
    expect(queued[1]?.bodyText).not.toContain("不適合");
    expect((await audits(core, c.id, "margin_account_reject")).map((e) => e.detail)).toEqual([
      expect.objectContaining({ operator: "suzuki", note: "投資経験なし: 不適合" }),
    ]);
    const balances = await readAs(await core.call(`/v1/customers/${c.id}/balances`), balancesSchema);
    expect(balances.marginAccountOpen).toBe(false);

    expect((await apply(core, c.id)).status).toBe(201);
    expect((await applications(core, c.id)).map((r) => r.decision).sort()).toEqual(["却下", null].sort());
  });

  it("nothing under review (未開設, or already decided): 409 no_pending_request; unknown customer: 404", async () => {
    const c = await newCustomer(core);
    for (const decision of ["approve", "reject"] as const) {
      const res = await decide(core, c.customerCode, decision);
      expect(res.status).toBe(409);
      expect((await readError(res)).code).toBe("no_pending_request");
    }
    await apply(core, c.id);
    expect((await decide(core, c.customerCode, "approve")).status).toBe(200);
    expect((await readError(await decide(core, c.customerCode, "reject"))).code).toBe("no_pending_request");
    expect(await marginOpening(core, c.id)).toMatchObject({ status: "開設済" });
    const unknown = await decide(core, "9999999", "approve");
    expect(unknown.status).toBe(404);
    expect((await readError(unknown)).code).toBe("not_found");
  });

  it("the demo's 佐藤 花子 (1000002, 審査中) has an application the operator can decide", async () => {
    const demo = await createTestCore();
    onTestFinished(() => demo.close());
    expect(await seedDemoData(demo.db, demo.services)).toBe(true);
    expect((await decide(demo, "1000002", "approve")).status).toBe(200);
    const [row] = await demo.db
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.customerCode, "1000002"));
    expect(await marginOpening(demo, row?.id ?? "")).toMatchObject({ status: "開設済", appliedOn: "2022-09-20" });
  });

  it("needs the operator credential: the service credential cannot approve", async () => {
    const c = await newCustomer(core);
    await apply(core, c.id);
    const res = await core.call(`/ops/customers/${c.customerCode}/margin-account-applications/approve`, {
      method: "POST",
      json: { operator: "mallory" },
    });
    expect(res.status).toBe(401);
    expect(await marginOpening(core, c.id)).toMatchObject({ status: "審査中" });
  });

  it("a notification that cannot be queued undoes the approval", async () => {
    const c = await newCustomer(core);
    await apply(core, c.id);
    await breakOutbox(core.db);
    expect((await decide(core, c.customerCode, "approve")).status).toBe(500);
    expect(await marginOpening(core, c.id)).toMatchObject({ status: "審査中" });
    expect((await applications(core, c.id))[0]?.decision).toBeNull();
  });
});

describe.each(testBackends)("信用取引口座開設 under concurrency on $name", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  it("10 parallel applications: one 審査中 application, one mail; the rest 409", async () => {
    const c = await newCustomer(core);
    const responses = await Promise.all(Array.from({ length: 10 }, () => apply(core, c.id)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(await applications(core, c.id)).toHaveLength(1);
    expect(await mails(core, c.id)).toHaveLength(1);
    expect(await marginOpening(core, c.id)).toMatchObject({ status: "審査中" });
  });

  it("a customer created without the 信用取引口座 row can apply (the row is created 審査中)", async () => {
    const c = await newCustomer(core);
    await core.db
      .delete(accountOpenings)
      .where(and(eq(accountOpenings.customerId, c.id), eq(accountOpenings.kind, "信用取引口座")));
    expect((await apply(core, c.id)).status).toBe(201);
    expect(await marginOpening(core, c.id)).toMatchObject({ status: "審査中", appliedOn: "2026-11-20" });
  });

  it("approve and reject at once: exactly one decides, the other finds nothing under review", async () => {
    const c = await newCustomer(core);
    await apply(core, c.id);
    const [a, r] = await Promise.all([decide(core, c.customerCode, "approve"), decide(core, c.customerCode, "reject")]);
    expect([a.status, r.status].sort()).toEqual([200, 409]);
    const expected = a.status === 200 ? "開設済" : "未開設";
    expect(await marginOpening(core, c.id)).toMatchObject({ status: expected });
    expect(await mails(core, c.id)).toHaveLength(2);
  });
});

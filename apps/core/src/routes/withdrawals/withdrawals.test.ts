import { issueAuthCodeResponseSchema } from "@kakunin/contracts/core-api";
import { operationDigest } from "@kakunin/contracts/digest";
import { opsActionResponseSchema } from "@kakunin/contracts/ops";
import {
  type BankAccountChange,
  bankAccountChangeViewSchema,
  withdrawalListSchema,
  withdrawalOverviewSchema,
  withdrawalReceiptSchema,
  withdrawalSchema,
} from "@kakunin/contracts/withdrawals";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { authCodes, bankAccountChanges, bankAccounts, cashBalances, outbox, withdrawals } from "../../db/schema.ts";
import { createWithdrawal } from "../../domain/withdrawals.ts";
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

const ENFORCED = new Date("2022-10-03T10:00:00+09:00");
const EXECUTION_PASSWORD = "Rk7m2x";
const NEW_ACCOUNT: BankAccountChange = {
  bankName: "みずほ銀行",
  branchName: "新宿支店",
  accountType: "当座",
  accountNumber: "7654321",
  holderKana: "シケン タロウ",
};

interface CustomerOptions {
  cash?: number;
  /** 出金申込完了通知メール */
  completedMail?: boolean;
  /** 出金認証コード通知メール, to address 2 */
  codeOn?: boolean;
}

async function newCustomer(core: Core, options: CustomerOptions = {}) {
  const c = await createTaro(core, {
    emails: ["first@example.test", "second@example.test"],
    executionPassword: { plain: EXECUTION_PASSWORD, initial: false },
    cash: options.cash ?? 1_000_000,
    mailSettings: [
      ...(options.completedMail
        ? [{ type: "withdrawal_completed" as const, enabled: true, destination: 1 as const }]
        : []),
      ...(options.codeOn ? [{ type: "withdrawal_auth_code" as const, enabled: true, destination: 2 as const }] : []),
    ],
  });
  core.services.clock.set(c.id, ENFORCED);
  return c;
}

const overview = async (core: Core, customerId: string) =>
  readAs(await core.call(`/v1/customers/${customerId}/withdrawal-overview`), withdrawalOverviewSchema);

const bankIdOf = async (core: Core, customerId: string) => {
  const id = (await overview(core, customerId)).bankAccount?.id;
  if (!id) throw new Error("customer has no bank account");
  return id;
};

const newKey = () => `key-${crypto.randomUUID()}`;

const withdraw = (
  core: Core,
  customerId: string,
  request: { amount: unknown; bankAccountId: string },
  requestKey: string = newKey(),
) =>
  core.call(`/v1/customers/${customerId}/withdrawals`, {
    method: "POST",
    json: { request, requestKey, client: testClient },
  });

const requestChange = (core: Core, customerId: string, change: Record<string, unknown> = NEW_ACCOUNT) =>
  core.call(`/v1/customers/${customerId}/bank-account-changes`, {
    method: "POST",
    json: { change, client: testClient },
  });

const decide = (core: Core, customerCode: string, decision: "approve" | "reject", note?: string) =>
  core.call(`/ops/customers/${customerCode}/bank-account-changes/${decision}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_OPS_TOKEN}` },
    json: { operator: "suzuki", ...(note ? { note } : {}) },
  });

const balance = async (core: Core, customerId: string) =>
  (await core.db.select().from(cashBalances).where(eq(cashBalances.customerId, customerId)))[0]?.withdrawable;

const withdrawalRows = (core: Core, customerId: string) =>
  core.db.select().from(withdrawals).where(eq(withdrawals.customerId, customerId));

describe("出金 (R12, R15)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("shows 出金可能額 and the destination, masked, with its id", async () => {
    const c = await newCustomer(core, { cash: 1_234_567 });
    const res = await core.call(`/v1/customers/${c.id}/withdrawal-overview`);
    expect(res.status).toBe(200);
    const body = await readAs(res, withdrawalOverviewSchema);
    expect(body).toEqual({
      withdrawable: 1_234_567,
      bankAccount: {
        id: expect.any(String),
        bankName: "kakunin銀行",
        branchName: "本店営業部",
        accountType: "普通",
        accountNumberMasked: "****567",
        holderKana: "シケン タロウ",
      },
      pendingBankAccountChange: null,
    });
    expect((await core.call(`/v1/customers/${crypto.randomUUID()}/withdrawal-overview`)).status).toBe(404);
  });

  it("accepts a withdrawal: debits 出金可能額, copies the destination, audits it and mails 出金申込完了通知 when on", async () => {
    const c = await newCustomer(core, { completedMail: true });
    const bankAccountId = await bankIdOf(core, c.id);
    const res = await withdraw(core, c.id, { amount: 250_000, bankAccountId });
    expect(res.status).toBe(201);
    const body = await readAs(res, withdrawalReceiptSchema);
    expect(body).toEqual({
      // Issue 17 B7: the completion screen says where the mail went.
      notificationSentTo: "f***@example.test",
      requestNumber: expect.stringMatching(/^W\d{8}$/),
      amount: 250_000,
      bankName: "kakunin銀行",
      branchName: "本店営業部",
      accountType: "普通",
      accountNumberMasked: "****567",
      status: "受付済",
      requestedAt: ENFORCED.toISOString(),
    });
    expect(await balance(core, c.id)).toBe(750_000);
    expect((await overview(core, c.id)).withdrawable).toBe(750_000);

    const queued = await mails(core, c.id);
    expect(queued.map((m) => [m.mailType, m.toAddress])).toEqual([["withdrawal_completed", "first@example.test"]]);
    expect(queued[0]?.bodyText).toContain(`受付番号: ${body.requestNumber}`);
    expect(queued[0]?.bodyText).toContain("出金金額: 250,000円");
    expect(queued[0]?.bodyText).toContain("出金先: kakunin銀行 本店営業部 普通 ****567");
    expect(queued[0]?.bodyText).not.toContain("1234567");

    const events = await audits(core, c.id, "withdrawal");
    expect(events.map((e) => [e.outcome, e.detail])).toEqual([
      [
        "success",
        {
          amount: 250_000,
          requestNumber: body.requestNumber,
          bank: "kakunin銀行 本店営業部 普通",
          accountNumber: "****567",
          withdrawableAfter: 750_000,
        },
      ],
    ]);
  });

  it("mails nothing when 出金申込完了通知メール is off, and says so", async () => {
    const c = await newCustomer(core);
    const res = await withdraw(core, c.id, { amount: 1_000, bankAccountId: await bankIdOf(core, c.id) });
    expect(res.status).toBe(201);
    expect((await readAs(res, withdrawalReceiptSchema)).notificationSentTo).toBeNull();
    expect(await mails(core, c.id)).toHaveLength(0);
  });

  it("lists withdrawals newest first with masked destinations", async () => {
    const c = await newCustomer(core);
    const bankAccountId = await bankIdOf(core, c.id);
    await withdraw(core, c.id, { amount: 1_000, bankAccountId });
    core.services.clock.set(c.id, new Date(ENFORCED.getTime() + 60_000));
    await withdraw(core, c.id, { amount: 2_000, bankAccountId });
    const res = await core.call(`/v1/customers/${c.id}/withdrawals`);
    expect(res.status).toBe(200);
    const { withdrawals: list } = await readAs(res, withdrawalListSchema);
    expect(list.map((w) => [w.amount, w.accountNumberMasked, w.status])).toEqual([
      [2_000, "****567", "受付済"],
      [1_000, "****567", "受付済"],
    ]);
    expect(JSON.stringify(list)).not.toContain("1234567");
    expect((await core.call(`/v1/customers/${crypto.randomUUID()}/withdrawals`)).status).toBe(404);
  });

  it("refuses more than 出金可能額 with a field error, storing nothing but the audit record", async () => {
    const c = await newCustomer(core, { completedMail: true });
    const res = await withdraw(core, c.id, { amount: 1_000_001, bankAccountId: await bankIdOf(core, c.id) });
    expect(res.status).toBe(422);
    expect(await readError(res)).toMatchObject({
      code: "insufficient_funds",
      fields: [{ path: "amount", message: "出金可能額（¥1,000,000）を超えています。" }],
    });
    expect(await balance(core, c.id)).toBe(1_000_000);
    expect(await withdrawalRows(core, c.id)).toHaveLength(0);
    expect(await mails(core, c.id)).toHaveLength(0);
    expect((await audits(core, c.id, "withdrawal")).map((e) => [e.outcome, e.detail])).toEqual([
      ["failure", { amount: 1_000_001, reason: "insufficient_funds" }],
    ]);
    // Exactly the whole balance is fine.
    expect((await withdraw(core, c.id, { amount: 1_000_000, bankAccountId: await bankIdOf(core, c.id) })).status).toBe(
      201,
    );
    expect(await balance(core, c.id)).toBe(0);
  });

  it.each([
    ["zero", 0, "出金金額は1円以上で入力してください。"],
    ["negative", -1_000, "出金金額は1円以上で入力してください。"],
    ["fractional", 100.5, "出金金額は1円単位（小数なし）で入力してください。"],
    ["huge", 10_000_000_001, "出金金額が大きすぎます。"],
    ["not a number", "abc", "出金金額は半角数字で入力してください。"],
  ])("refuses a %s amount with a field error and stores nothing", async (_name, amount, message) => {
    const c = await newCustomer(core, { completedMail: true });
    const res = await withdraw(core, c.id, { amount, bankAccountId: await bankIdOf(core, c.id) });
    expect(res.status).toBe(400);
    const error = await readError(res);
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toContainEqual(expect.objectContaining({ path: "request.amount", message }));
    expect(await balance(core, c.id)).toBe(1_000_000);
    expect(await withdrawalRows(core, c.id)).toHaveLength(0);
    expect(await mails(core, c.id)).toHaveLength(0);
  });

  it("refuses a destination that is not the registered one (bank_account_changed)", async () => {
    const c = await newCustomer(core);
    const res = await withdraw(core, c.id, { amount: 1_000, bankAccountId: crypto.randomUUID() });
    expect(res.status).toBe(409);
    expect((await readError(res)).code).toBe("bank_account_changed");
    const other = await newCustomer(core);
    const foreign = await withdraw(core, c.id, { amount: 1_000, bankAccountId: await bankIdOf(core, other.id) });
    expect(foreign.status).toBe(409);
    expect(await balance(core, c.id)).toBe(1_000_000);
    expect(await withdrawalRows(core, c.id)).toHaveLength(0);
  });

  it("the same request key creates one withdrawal: one debit, one mail, the same answer", async () => {
    const c = await newCustomer(core, { completedMail: true });
    const bankAccountId = await bankIdOf(core, c.id);
    const key = newKey();
    const first = await withdraw(core, c.id, { amount: 300_000, bankAccountId }, key);
    expect(first.status).toBe(201);
    const again = await withdraw(core, c.id, { amount: 300_000, bankAccountId }, key);
    expect(again.status).toBe(200);
    const replayed = await readAs(again, withdrawalReceiptSchema);
    const { notificationSentTo, ...firstWithdrawal } = await readAs(first, withdrawalReceiptSchema);
    expect(notificationSentTo).toBe("f***@example.test");
    // The same withdrawal; a replay does not claim a mail it did not send.
    expect(replayed).toEqual(firstWithdrawal);
    expect(await balance(core, c.id)).toBe(700_000);
    expect(await withdrawalRows(core, c.id)).toHaveLength(1);
    expect(await mails(core, c.id)).toHaveLength(1);
    // The same key from another customer is another request.
    const other = await newCustomer(core);
    expect(
      (await withdraw(core, other.id, { amount: 1_000, bankAccountId: await bankIdOf(core, other.id) }, key)).status,
    ).toBe(201);
  });

  it("a request key reused for another amount is refused with 422 idempotency_key_reused; nothing else happens", async () => {
    const c = await newCustomer(core, { completedMail: true });
    const bankAccountId = await bankIdOf(core, c.id);
    const key = newKey();
    const first = await withdraw(core, c.id, { amount: 7_777, bankAccountId }, key);
    expect(first.status).toBe(201);
    const reused = await withdraw(core, c.id, { amount: 9_999, bankAccountId }, key);
    expect(reused.status).toBe(422);
    expect((await readError(reused)).code).toBe("idempotency_key_reused");
    expect(await balance(core, c.id)).toBe(1_000_000 - 7_777);
    expect((await withdrawalRows(core, c.id)).map((w) => w.amount)).toEqual([7_777]);
    expect(await mails(core, c.id)).toHaveLength(1);
    const refusals = (await audits(core, c.id, "withdrawal")).filter((a) => a.outcome === "failure");
    expect(refusals.map((a) => a.detail)).toEqual([{ amount: 9_999, reason: "idempotency_key_reused" }]);
    // The first request itself, replayed, still gets its withdrawal.
    const replay = await withdraw(core, c.id, { amount: 7_777, bankAccountId }, key);
    expect(replay.status).toBe(200);
    expect(await readAs(replay, withdrawalSchema)).toEqual(await readAs(first, withdrawalSchema));
  });

  it("answers 404 for an unknown customer", async () => {
    const res = await withdraw(core, crypto.randomUUID(), { amount: 1_000, bankAccountId: crypto.randomUUID() });
    expect(res.status).toBe(404);
  });

  it("queues the mail in the withdrawal's transaction: a rolled-back withdrawal leaves no mail", async () => {
    const c = await newCustomer(core, { completedMail: true });
    const bankAccountId = await bankIdOf(core, c.id);
    await expect(
      core.db.transaction(async (tx) => {
        await createWithdrawal(tx as unknown as Db, core.services, {
          customerId: c.id,
          request: { amount: 5_000, bankAccountId },
          requestKey: newKey(),
          client: testClient,
        });
        expect(await tx.select().from(outbox).where(eq(outbox.customerId, c.id))).toHaveLength(1);
        throw new Error("a later step failed");
      }),
    ).rejects.toThrow("a later step failed");
    expect(await mails(core, c.id)).toHaveLength(0);
    expect(await withdrawalRows(core, c.id)).toHaveLength(0);
    expect(await balance(core, c.id)).toBe(1_000_000);
  });

  it("a mail that cannot be queued undoes the withdrawal", async () => {
    const c = await newCustomer(core, { completedMail: true });
    const bankAccountId = await bankIdOf(core, c.id);
    await breakOutbox(core.db);
    const res = await withdraw(core, c.id, { amount: 5_000, bankAccountId });
    expect(res.status).toBe(500);
    expect(await withdrawalRows(core, c.id)).toHaveLength(0);
    expect(await balance(core, c.id)).toBe(1_000_000);
  });

  it("the database itself refuses a negative balance", async () => {
    const c = await newCustomer(core, { cash: 100 });
    await expect(
      core.db.update(cashBalances).set({ withdrawable: -1 }).where(eq(cashBalances.customerId, c.id)),
    ).rejects.toThrow();
    expect(await balance(core, c.id)).toBe(100);
  });
});

describe.each(testBackends)("出金 under concurrency on $name", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  it("20 parallel withdrawals of ¥100,000 against ¥1,000,000: exactly 10 succeed and the balance ends at 0", async () => {
    const c = await newCustomer(core, { completedMail: true });
    const bankAccountId = await bankIdOf(core, c.id);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => withdraw(core, c.id, { amount: 100_000, bankAccountId })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 422)).toHaveLength(10);
    const codes = await Promise.all(
      responses.filter((r) => r.status === 422).map(async (r) => (await readError(r)).code),
    );
    expect(new Set(codes)).toEqual(new Set(["insufficient_funds"]));
    expect(await balance(core, c.id)).toBe(0);
    const rows = await withdrawalRows(core, c.id);
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.requestNumber)).size).toBe(10);
    expect(await mails(core, c.id)).toHaveLength(10);
  });

  it("10 parallel submissions with one request key: one withdrawal, one debit, one mail", async () => {
    const c = await newCustomer(core, { completedMail: true });
    const bankAccountId = await bankIdOf(core, c.id);
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => withdraw(core, c.id, { amount: 400_000, bankAccountId }, key)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const numbers = await Promise.all(responses.map(async (r) => (await readAs(r, withdrawalSchema)).requestNumber));
    expect(new Set(numbers).size).toBe(1);
    expect(await balance(core, c.id)).toBe(600_000);
    expect(await withdrawalRows(core, c.id)).toHaveLength(1);
    expect(await mails(core, c.id)).toHaveLength(1);
  });

  it("10 parallel submissions with one request key and two amounts: one withdrawal; the other amount gets 422", async () => {
    const c = await newCustomer(core, { completedMail: true });
    const bankAccountId = await bankIdOf(core, c.id);
    const key = newKey();
    const amounts = Array.from({ length: 10 }, (_, i) => (i % 2 ? 7_777 : 9_999));
    const responses = await Promise.all(amounts.map((amount) => withdraw(core, c.id, { amount, bankAccountId }, key)));
    const rows = await withdrawalRows(core, c.id);
    expect(rows).toHaveLength(1);
    const taken = rows[0]?.amount;
    const statuses = responses.map((r, i) => [amounts[i] === taken, r.status] as const);
    expect(
      statuses
        .filter(([same]) => same)
        .map(([, s]) => s)
        .sort(),
    ).toEqual([200, 200, 200, 200, 201]);
    expect(statuses.filter(([same]) => !same).map(([, s]) => s)).toEqual([422, 422, 422, 422, 422]);
    const codes = await Promise.all(
      responses.filter((r) => r.status === 422).map(async (r) => (await readError(r)).code),
    );
    expect(new Set(codes)).toEqual(new Set(["idempotency_key_reused"]));
    expect(await balance(core, c.id)).toBe(1_000_000 - (taken ?? 0));
    expect(await mails(core, c.id)).toHaveLength(1);
  });

  it("a double submit of the whole balance is one withdrawal, not a refusal", async () => {
    const c = await newCustomer(core);
    const bankAccountId = await bankIdOf(core, c.id);
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => withdraw(core, c.id, { amount: 1_000_000, bankAccountId }, key)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await balance(core, c.id)).toBe(0);
    expect(await withdrawalRows(core, c.id)).toHaveLength(1);
  });
});

describe("出金先口座変更 (R14)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("stores the request 申請中 and shows it pending; the registered account stays until an operator acts", async () => {
    const c = await newCustomer(core);
    const before = await overview(core, c.id);
    const res = await requestChange(core, c.id);
    expect(res.status).toBe(201);
    const change = await readAs(res, bankAccountChangeViewSchema);
    expect(change).toEqual({
      id: expect.any(String),
      status: "申請中",
      requestedAt: ENFORCED.toISOString(),
      decidedAt: null,
      bankName: "みずほ銀行",
      branchName: "新宿支店",
      accountType: "当座",
      accountNumberMasked: "****321",
      holderKana: "シケン タロウ",
    });
    const after = await overview(core, c.id);
    expect(after.bankAccount).toEqual(before.bankAccount);
    expect(after.pendingBankAccountChange).toEqual(change);
    // Applied for, not yet applied: mailed now (always, R38) and again when the operator applies it.
    const queued = await mails(core, c.id);
    expect(queued.map((m) => [m.mailType, m.toAddress])).toEqual([
      ["withdrawal_account_change_requested", "first@example.test"],
    ]);
    expect(queued[0]?.bodyText).toContain("新しい出金先: みずほ銀行 新宿支店 当座 ****321");
    expect(queued[0]?.bodyText).not.toContain("7654321");
    expect(queued[0]?.bodyText).toContain(`■ 操作元\nIPアドレス: ${testClient.ipAddress}`);
    expect((await audits(core, c.id, "bank_account_change_request")).map((e) => [e.outcome, e.detail])).toEqual([
      ["success", { changeId: change.id, bank: "みずほ銀行 新宿支店 当座", accountNumber: "****321" }],
    ]);
    expect(
      (
        await core.call(`/v1/customers/${crypto.randomUUID()}/bank-account-changes`, {
          method: "POST",
          json: { change: NEW_ACCOUNT, client: testClient },
        })
      ).status,
    ).toBe(404);
  });

  it("a new request replaces the pending one; the same one again changes nothing; the current account is refused", async () => {
    const c = await newCustomer(core);
    const first = await readAs(await requestChange(core, c.id), bankAccountChangeViewSchema);
    const same = await requestChange(core, c.id);
    expect(same.status).toBe(200);
    expect((await readAs(same, bankAccountChangeViewSchema)).id).toBe(first.id);
    const second = await readAs(
      await requestChange(core, c.id, { ...NEW_ACCOUNT, accountNumber: "7777777" }),
      bankAccountChangeViewSchema,
    );
    expect(second.id).not.toBe(first.id);
    const rows = await core.db.select().from(bankAccountChanges).where(eq(bankAccountChanges.customerId, c.id));
    expect(rows.map((r) => [r.id, r.status, r.decidedBy]).sort()).toEqual(
      [
        [first.id, "却下", "customer"],
        [second.id, "申請中", null],
      ].sort(),
    );
    expect((await overview(core, c.id)).pendingBankAccountChange?.id).toBe(second.id);
    // Each request that took effect is mailed; the repeated one is not.
    expect((await mails(core, c.id)).map((m) => m.mailType)).toEqual([
      "withdrawal_account_change_requested",
      "withdrawal_account_change_requested",
    ]);

    const current = await requestChange(core, c.id, {
      bankName: "kakunin銀行",
      branchName: "本店営業部",
      accountType: "普通",
      accountNumber: "1234567",
      holderKana: "シケン タロウ",
    });
    expect(current.status).toBe(400);
    expect((await readError(current)).fields).toEqual([
      { path: "accountNumber", message: "現在ご登録の出金先口座と同じです。" },
    ]);
  });

  it("refuses invalid input with field errors and stores nothing", async () => {
    const c = await newCustomer(core);
    const res = await requestChange(core, c.id, {
      bankName: "",
      branchName: "新宿支店",
      accountType: "定期",
      accountNumber: "12345",
      holderKana: "shiken",
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields?.map((f) => f.path)).toEqual(
      expect.arrayContaining(["change.bankName", "change.accountType", "change.accountNumber", "change.holderKana"]),
    );
    expect(await core.db.select().from(bankAccountChanges).where(eq(bankAccountChanges.customerId, c.id))).toHaveLength(
      0,
    );
  });

  it("approval applies it with a new account id and always mails 出金先口座変更通知, even with every optional mail off", async () => {
    const c = await newCustomer(core);
    const oldId = await bankIdOf(core, c.id);
    const change = await readAs(await requestChange(core, c.id), bankAccountChangeViewSchema);
    const res = await decide(core, c.customerCode, "approve", "call 42");
    expect(res.status).toBe(200);
    expect(await readAs(res, opsActionResponseSchema)).toEqual({ customerCode: c.customerCode, done: "approved" });

    const after = await overview(core, c.id);
    expect(after.pendingBankAccountChange).toBeNull();
    expect(after.bankAccount).toEqual({
      id: expect.any(String),
      bankName: "みずほ銀行",
      branchName: "新宿支店",
      accountType: "当座",
      accountNumberMasked: "****321",
      holderKana: "シケン タロウ",
    });
    expect(after.bankAccount?.id).not.toBe(oldId);
    // The old row is kept, retired, as history.
    const rows = await core.db.select().from(bankAccounts).where(eq(bankAccounts.customerId, c.id));
    expect(rows.map((r) => [r.id, r.retiredAt !== null]).sort()).toEqual(
      [
        [oldId, true],
        [after.bankAccount?.id, false],
      ].sort(),
    );

    const queued = await mails(core, c.id);
    expect(queued.map((m) => [m.mailType, m.toAddress])).toEqual([
      ["withdrawal_account_change_requested", "first@example.test"],
      ["withdrawal_account_changed", "first@example.test"],
    ]);
    expect(queued[1]?.bodyText).toContain("新しい出金先: みずほ銀行 新宿支店 当座 ****321");
    expect(queued[1]?.bodyText).not.toContain("7654321");
    expect(queued[1]?.bodyText).toContain("■ 操作元\n弊社担当者");

    const [decided] = await core.db.select().from(bankAccountChanges).where(eq(bankAccountChanges.id, change.id));
    expect(decided).toMatchObject({ status: "承認済", decidedBy: "suzuki", decidedAt: ENFORCED });
    const events = await audits(core, c.id, "bank_account_change_approve");
    expect(events.map((e) => [e.outcome, e.subject, e.userAgent, e.detail])).toEqual([
      [
        "success",
        "suzuki",
        "operator:suzuki",
        {
          operator: "suzuki",
          note: "call 42",
          changeId: change.id,
          bank: "みずほ銀行 新宿支店 当座",
          accountNumber: "****321",
          bankAccountId: after.bankAccount?.id,
          previousBankAccountId: oldId,
        },
      ],
    ]);
  });

  it("after approval, a withdrawal confirmed for the old destination is refused; accepted ones keep theirs", async () => {
    const c = await newCustomer(core);
    const oldId = await bankIdOf(core, c.id);
    const earlier = await readAs(
      await withdraw(core, c.id, { amount: 10_000, bankAccountId: oldId }),
      withdrawalSchema,
    );
    await requestChange(core, c.id);
    expect((await decide(core, c.customerCode, "approve")).status).toBe(200);

    const stale = await withdraw(core, c.id, { amount: 10_000, bankAccountId: oldId });
    expect(stale.status).toBe(409);
    expect((await readError(stale)).code).toBe("bank_account_changed");
    const fresh = await withdraw(core, c.id, { amount: 20_000, bankAccountId: await bankIdOf(core, c.id) });
    expect(fresh.status).toBe(201);

    const { withdrawals: list } = await readAs(
      await core.call(`/v1/customers/${c.id}/withdrawals`),
      withdrawalListSchema,
    );
    const byNumber = new Map(list.map((w) => [w.requestNumber, w]));
    expect(byNumber.get(earlier.requestNumber)).toEqual(earlier);
    expect(byNumber.get(earlier.requestNumber)).toMatchObject({
      bankName: "kakunin銀行",
      accountNumberMasked: "****567",
      status: "受付済",
    });
    expect(list.find((w) => w.amount === 20_000)).toMatchObject({
      bankName: "みずほ銀行",
      accountNumberMasked: "****321",
    });
    expect(await balance(core, c.id)).toBe(970_000);
  });

  it("rejection leaves the account, mails nothing more and is audited", async () => {
    const c = await newCustomer(core);
    const before = await overview(core, c.id);
    const change = await readAs(await requestChange(core, c.id), bankAccountChangeViewSchema);
    const res = await decide(core, c.customerCode, "reject", "名義不一致");
    expect(res.status).toBe(200);
    expect(await readAs(res, opsActionResponseSchema)).toEqual({ customerCode: c.customerCode, done: "rejected" });
    const after = await overview(core, c.id);
    expect(after).toEqual({ ...before, pendingBankAccountChange: null });
    expect((await mails(core, c.id)).map((m) => m.mailType)).toEqual(["withdrawal_account_change_requested"]);
    const [row] = await core.db.select().from(bankAccountChanges).where(eq(bankAccountChanges.id, change.id));
    expect(row).toMatchObject({ status: "却下", decidedBy: "suzuki" });
    expect((await audits(core, c.id, "bank_account_change_reject")).map((e) => e.detail)).toEqual([
      expect.objectContaining({ operator: "suzuki", note: "名義不一致", changeId: change.id }),
    ]);
  });

  it("answers 404 no_pending_request without a pending request, and not_found for an unknown customer", async () => {
    const c = await newCustomer(core);
    for (const decision of ["approve", "reject"] as const) {
      const res = await decide(core, c.customerCode, decision);
      expect(res.status).toBe(404);
      expect((await readError(res)).code).toBe("no_pending_request");
    }
    await requestChange(core, c.id);
    expect((await decide(core, c.customerCode, "approve")).status).toBe(200);
    expect((await readError(await decide(core, c.customerCode, "approve"))).code).toBe("no_pending_request");
    const unknown = await decide(core, "9999999", "approve");
    expect(unknown.status).toBe(404);
    expect((await readError(unknown)).code).toBe("not_found");
  });

  it("needs the operator credential", async () => {
    const c = await newCustomer(core);
    await requestChange(core, c.id);
    const res = await core.call(`/ops/customers/${c.customerCode}/bank-account-changes/approve`, {
      method: "POST",
      json: { operator: "mallory" },
    });
    expect(res.status).toBe(401);
    expect((await overview(core, c.id)).pendingBankAccountChange).not.toBeNull();
  });

  it("a notification that cannot be queued undoes the approval", async () => {
    const c = await newCustomer(core);
    const before = await overview(core, c.id);
    await requestChange(core, c.id);
    await breakOutbox(core.db);
    expect((await decide(core, c.customerCode, "approve")).status).toBe(500);
    const after = await overview(core, c.id);
    expect(after.bankAccount).toEqual(before.bankAccount);
    expect(after.pendingBankAccountChange?.status).toBe("申請中");
  });
});

describe("出金認証コード (R13)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  const issue = (customerId: string, body: { digest: string; payload?: Record<string, unknown> }) =>
    core.call(`/v1/customers/${customerId}/auth-codes`, {
      method: "POST",
      json: { operation: "withdrawal", ...body, client: testClient },
    });

  const verify = (customerId: string, digest: string, authCode: string) =>
    core.call(`/v1/customers/${customerId}/step-up-verifications`, {
      method: "POST",
      json: { operation: "withdrawal", digest, executionPassword: EXECUTION_PASSWORD, authCode, client: testClient },
    });

  const codeRows = (customerId: string) => core.db.select().from(authCodes).where(eq(authCodes.customerId, customerId));

  async function mailedCode(customerId: string) {
    const body = (await mails(core, customerId)).at(-1)?.bodyText ?? "";
    const code = /認証コード: (\d{6})/.exec(body)?.[1];
    if (!code) throw new Error(`no code in mail: ${body}`);
    return code;
  }

  it("mails the code to the 配信先, stating the amount and the masked destination", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const payload = { amount: 10_000, bankAccountId: await bankIdOf(core, c.id) };
    const res = await issue(c.id, { digest: operationDigest("withdrawal", payload), payload });
    expect(res.status).toBe(200);
    expect((await readAs(res, issueAuthCodeResponseSchema)).destination).toBe("s***@example.test");
    const queued = await mails(core, c.id);
    expect(queued.map((m) => [m.mailType, m.toAddress])).toEqual([["withdrawal_auth_code", "second@example.test"]]);
    expect(queued[0]?.bodyText).toContain("対象の出金: 10,000円（出金先 kakunin銀行 本店営業部 普通 ****567）");
    expect(queued[0]?.bodyText).not.toContain("1234567");
    expect(await mailedCode(c.id)).toMatch(/^\d{6}$/);
  });

  it("a code for ¥10,000 fails for ¥20,000 and works for exactly what it was sent for", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const bankAccountId = await bankIdOf(core, c.id);
    const confirmed = { amount: 10_000, bankAccountId };
    const digest = operationDigest("withdrawal", confirmed);
    expect((await issue(c.id, { digest, payload: confirmed })).status).toBe(200);
    const code = await mailedCode(c.id);
    const other = await verify(c.id, operationDigest("withdrawal", { amount: 20_000, bankAccountId }), code);
    expect(other.status).toBe(422);
    expect(await readError(other)).toMatchObject({ code: "wrong_auth_code", remainingCodeAttempts: 4 });
    expect((await verify(c.id, digest, code)).status).toBe(200);
  });

  it("requires the payload, matching the digest, valid and naming the registered destination", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const bankAccountId = await bankIdOf(core, c.id);
    const payload = { amount: 10_000, bankAccountId };

    const missing = await issue(c.id, { digest: operationDigest("withdrawal", payload) });
    expect(missing.status).toBe(400);
    expect(await readError(missing)).toMatchObject({ code: "validation_failed", fields: [{ path: "payload" }] });

    const mismatch = await issue(c.id, {
      digest: operationDigest("withdrawal", payload),
      payload: { amount: 20_000, bankAccountId },
    });
    expect(mismatch.status).toBe(400);
    expect((await readError(mismatch)).code).toBe("validation_failed");

    const invalid = { amount: -5, bankAccountId };
    const bad = await issue(c.id, { digest: operationDigest("withdrawal", invalid), payload: invalid });
    expect(bad.status).toBe(400);
    expect((await readError(bad)).fields?.map((f) => f.path)).toEqual(["payload.amount"]);

    const elsewhere = { amount: 10_000, bankAccountId: crypto.randomUUID() };
    const changed = await issue(c.id, { digest: operationDigest("withdrawal", elsewhere), payload: elsewhere });
    expect(changed.status).toBe(409);
    expect((await readError(changed)).code).toBe("bank_account_changed");

    expect(await mails(core, c.id)).toHaveLength(0);
    expect(await codeRows(c.id)).toHaveLength(0);
  });

  it("after an approved destination change, a code for the old destination cannot be issued or used", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const oldPayload = { amount: 10_000, bankAccountId: await bankIdOf(core, c.id) };
    const oldDigest = operationDigest("withdrawal", oldPayload);
    expect((await issue(c.id, { digest: oldDigest, payload: oldPayload })).status).toBe(200);
    const code = await mailedCode(c.id);
    await requestChange(core, c.id);
    expect((await decide(core, c.customerCode, "approve")).status).toBe(200);
    // The code still verifies for its digest, but the withdrawal it confirmed no longer executes.
    expect((await verify(c.id, oldDigest, code)).status).toBe(200);
    expect((await withdraw(core, c.id, oldPayload)).status).toBe(409);
    core.services.clock.set(c.id, new Date(ENFORCED.getTime() + 61_000));
    const again = await issue(c.id, { digest: oldDigest, payload: oldPayload });
    expect(again.status).toBe(409);
    expect((await readError(again)).code).toBe("bank_account_changed");
  });
});

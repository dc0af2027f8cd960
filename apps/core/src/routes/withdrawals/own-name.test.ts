import type { BankAccountChange } from "@kakunin/contracts/withdrawals";
import { bankAccountChangeCheckSchema, bankAccountChangeViewSchema } from "@kakunin/contracts/withdrawals";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankAccountChanges } from "../../db/schema.ts";
import { createTaro } from "../../test/customers.ts";
import { auditsOf } from "../../test/rows.ts";
import { createTestCore, readAs, readError, testBackends, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const MISMATCH =
  "出金先口座はご本人名義の口座のみ登録できます。口座名義（カナ）がご登録のお名前（ヤマダ タロウ）と一致しません。";
const change = (holderKana: string): BankAccountChange => ({
  bankName: "みずほ銀行",
  branchName: "新宿支店",
  accountType: "普通",
  accountNumber: "7654321",
  holderKana,
});

const post = (core: Core, customerId: string, path: string, holderKana: string) =>
  core.call(`/v1/customers/${customerId}/${path}`, {
    method: "POST",
    json: { change: change(holderKana), client: testClient },
  });

describe.each(testBackends)("本人名義の出金先口座 (R39) on $name", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  const newCustomer = () => createTaro(core, { nameKana: "ヤマダ タロウ" });
  const changesOf = (customerId: string) =>
    core.db.select().from(bankAccountChanges).where(eq(bankAccountChanges.customerId, customerId));

  it("refuses a third party's name on the 口座名義 field, stores nothing and audits the refusal", async () => {
    const c = await newCustomer();
    const res = await post(core, c.id, "bank-account-changes", "スズキ イチロウ");
    expect(res.status).toBe(400);
    const error = await readError(res);
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toEqual([{ path: "holderKana", message: MISMATCH }]);
    expect(await changesOf(c.id)).toHaveLength(0);
    expect((await auditsOf(core, c.id, "bank_account_change_request")).map((e) => [e.outcome, e.detail])).toEqual([
      ["failure", { bank: "みずほ銀行 新宿支店 普通", accountNumber: "****321", reason: "holder_name_mismatch" }],
    ]);
  });

  it("accepts the customer's own name written the bank's way (half width, small kana large, no space)", async () => {
    const c = await newCustomer();
    const res = await post(core, c.id, "bank-account-changes", "ヤマダタロウ");
    expect(res.status).toBe(201);
    expect((await readAs(res, bankAccountChangeViewSchema)).holderKana).toBe("ヤマダタロウ");
    expect(await changesOf(c.id)).toHaveLength(1);
  });

  it("the check before the confirmation gives the same answer and stores nothing either way", async () => {
    const c = await newCustomer();
    const own = await post(core, c.id, "bank-account-change-checks", "ヤマダ　タロウ");
    expect(own.status).toBe(200);
    expect(await readAs(own, bankAccountChangeCheckSchema)).toEqual({ ok: true });

    const other = await post(core, c.id, "bank-account-change-checks", "サトウ ハナコ");
    expect(other.status).toBe(400);
    expect((await readError(other)).fields).toEqual([{ path: "holderKana", message: MISMATCH }]);

    expect(await changesOf(c.id)).toHaveLength(0);
    expect((await auditsOf(core, c.id, "bank_account_change_request")).map((e) => e.outcome)).toEqual(["failure"]);

    const unknown = await post(core, crypto.randomUUID(), "bank-account-change-checks", "ヤマダ タロウ");
    expect(unknown.status).toBe(404);
  });
});

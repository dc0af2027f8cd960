import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankAccountChanges, customers, orders } from "./db/schema.ts";
import { createCustomer } from "./domain/customers.ts";
import { createTestCore, readError, testBackends, testClient } from "./test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

/** The contracts' field message for unusable text (an id), as core words it in Japanese. */
const UNUSABLE_CHARACTERS_MESSAGE = "使用できない文字が含まれています。";

/**
 * F2: free text PostgreSQL cannot store (NUL, lone surrogates) used to reach it and answer
 * 500, which the BFF turned into a "retry later" that could never succeed. Core validates
 * with the shared schemas, so it now refuses such text with field errors and stores nothing;
 * and a value the database refuses anyway is the request's fault (400), never a 5xx.
 */
describe("core refuses unusable free text", () => {
  let core: Core;
  let customerId: string;
  beforeAll(async () => {
    core = await createTestCore();
    const c = await createCustomer(core.db, core.services, {
      name: "試験 太郎",
      birthDate: "1980-01-15",
      phone: "090-1234-5678",
      emails: ["free-text@example.test"],
      loginPassword: "Kiso8pine3",
      cash: 1_000_000,
    });
    customerId = c.id;
  });
  afterAll(() => core.close());

  const put = (path: string, json: unknown) => core.call(path, { method: "PUT", json });
  const post = (path: string, json: unknown) => core.call(path, { method: "POST", json });
  const profile = { postalCode: "150-0002", phone: "090-1234-5678" };
  const bank = { accountType: "普通", accountNumber: "7654321", holderKana: "シケン タロウ" };

  it.each([
    ["NUL", "東京都\u0000渋谷区"],
    ["a lone surrogate", "東京都\ud800渋谷区"],
    ["a control character", "東京都\u001b[2J渋谷区"],
    ["a line break", "東京都\n渋谷区"],
  ])("the address of 口座情報変更 with %s: 400 on the field, the address unchanged", async (_, address) => {
    const res = await put(`/v1/customers/${customerId}/profile`, {
      change: { ...profile, address },
      client: testClient,
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields).toEqual([
      { path: "change.address", message: UNUSABLE_CHARACTERS_MESSAGE, reason: "unusable_characters" },
    ]);
    const [row] = await core.db.select().from(customers).where(eq(customers.id, customerId));
    expect(row?.address).toBe("東京都渋谷区渋谷2-24-12");
  });

  it.each([
    ["bankName", { bankName: "みずほ\u0000銀行", branchName: "渋谷支店" }],
    ["branchName", { bankName: "みずほ銀行", branchName: "渋谷\udc00支店" }],
  ])("出金先口座変更 with unusable text in %s: 400 on the field, no request recorded", async (field, names) => {
    const res = await post(`/v1/customers/${customerId}/bank-account-changes`, {
      change: { ...bank, ...names },
      client: testClient,
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields).toEqual([
      { path: `change.${field}`, message: UNUSABLE_CHARACTERS_MESSAGE, reason: "unusable_characters" },
    ]);
    expect(
      await core.db.select().from(bankAccountChanges).where(eq(bankAccountChanges.customerId, customerId)),
    ).toEqual([]);
  });

  it.each([
    ["NUL", "O%00"],
    ["a lone surrogate's bytes", "%ED%A0%80"],
    ["another format", "12345"],
  ])("取消 of an order number with %s: 400 on the order number, not a database error", async (_, orderNumber) => {
    const res = await post(`/v1/customers/${customerId}/orders/${orderNumber}/cancellation`, {
      requestKey: randomUUID(),
      client: testClient,
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields?.map((f) => f.path)).toEqual(["orderNumber"]);
  });

  it("訂正 with an order number not in core's format: 400, nothing modified", async () => {
    const res = await put(`/v1/customers/${customerId}/orders/O00000001`, {
      request: { orderNumber: "O00000001\u0000", quantity: 100, limitPrice: 1600 },
      requestKey: randomUUID(),
      client: testClient,
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields).toEqual([
      { path: "request.orderNumber", message: "注文番号の形式が正しくありません。" },
    ]);
    expect(await core.db.select().from(orders).where(eq(orders.customerId, customerId))).toEqual([]);
  });
});

describe.each(testBackends)("a value the database refuses ($name)", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
    // A route the contract would never let such a value through to: only here to make
    // PostgreSQL raise its own data exceptions (SQLSTATE class 22) inside core's app.
    core.app.post("/v1/test-only/store", async (c) => {
      const { value, type } = (await c.req.json()) as { value: string; type: "text" | "jsonb" | "bigint" };
      const cast = { text: sql`::text`, jsonb: sql`::jsonb`, bigint: sql`::bigint` }[type];
      await c.get("db").execute(sql`select ${value}${cast}`);
      return c.json({ stored: true });
    });
    core.app.get("/v1/test-only/broken", async (c) => {
      await c.get("db").execute(sql`select * from no_such_table`);
      return c.json({});
    });
  });
  afterAll(() => core.close());

  it.each([
    ["NUL in text (22021)", "a\u0000b", "text"],
    ["a NUL escape in JSON (22P05)", '{"a":"\\u0000"}', "jsonb"],
    ["a lone surrogate escape in JSON (22P02)", '{"a":"\\ud800"}', "jsonb"],
    ["a number out of range (22003)", "99999999999999999999", "bigint"],
  ])("%s is 400 validation_failed, never a 5xx, and says nothing of the database", async (_, value, type) => {
    const res = await core.call("/v1/test-only/store", { method: "POST", json: { value, type } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; requestId?: string } };
    expect(body.error.code).toBe("validation_failed");
    // The random request id may contain any digits; the rest must not name the database or its SQLSTATE.
    const { requestId: _requestId, ...rest } = body.error;
    expect(JSON.stringify(rest)).not.toMatch(/postgres|pglite|drizzle|query|select|\b22[0-9A-Z]{3}\b/i);
  });

  it("an error that is not the input's fault is still a 500 internal_error", async () => {
    const res = await core.call("/v1/test-only/broken");
    expect(res.status).toBe(500);
    expect((await readError(res)).code).toBe("internal_error");
  });
});

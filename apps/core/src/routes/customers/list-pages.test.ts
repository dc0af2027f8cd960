import { loginHistorySchema } from "@kakunin/contracts/customers";
import { PAGE_SIZES } from "@kakunin/contracts/pagination";
import { orderListSchema } from "@kakunin/contracts/trading";
import { withdrawalListSchema } from "@kakunin/contracts/withdrawals";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { auditEvents, orders, withdrawals } from "../../db/schema.ts";
import { createHanako, createTaro } from "../../test/customers.ts";
import { createTestCore, readAs, readError, testBackends } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

// Issue 16: 注文照会, 出金申込履歴 and ログイン履歴 come a page at a time. Rows are seeded in bulk
// with many equal times, and times that differ by one microsecond only, so a cursor that
// lost precision or ignored the tie-breaker would skip or repeat rows.
const TOTAL = 130;

/** Row g's time: groups of 7 rows (so pages end inside a group) within one second, 0, 1 or 2 µs apart. */
const timeOf = (g: string) =>
  `timestamptz '2026-01-05 09:00:00+09' + (${g} / 7) * interval '1 second' + (${g} % 3) * interval '1 microsecond'`;

async function seed(core: Core, customerId: string, rows: number) {
  const id = sql.raw(`'${customerId}'::uuid`);
  await core.db.execute(sql`
    insert into orders (customer_id, kind, instrument_code, side, account, quantity, price_type, limit_price,
                        status, request_key, created_at, updated_at)
    select ${id}, 'stock', '7203', 'buy', 'cash', 100, 'limit', 2000, 'cancelled', 'seed-' || g,
           ${sql.raw(timeOf("g"))}, now()
    from generate_series(1, ${rows}) g`);
  await core.db.execute(sql`
    insert into withdrawals (customer_id, amount, bank_account_id, bank_name, branch_name, account_type,
                             account_number, holder_kana, request_key, requested_at)
    select ${id}, 1000 + g, gen_random_uuid(), '試験銀行', '本店', '普通', '1234567', 'シケン タロウ', 'seed-' || g,
           ${sql.raw(timeOf("g"))}
    from generate_series(1, ${rows}) g`);
  // Logins among other events of the customer, which the history must leave out.
  await core.db.execute(sql`
    insert into audit_events (customer_id, event_type, outcome, user_agent, occurred_at)
    select ${id}, case when g % 4 = 0 then 'withdrawal' else 'login' end,
           case when g % 5 = 0 then 'failure' else 'success' end, 'seed-' || g, ${sql.raw(timeOf("g"))}
    from generate_series(1, ${rows}) g`);
}

/** Follows `nextCursor` from the first page to the last; every page's size is checked. */
async function walk<T>(
  core: Core,
  path: string,
  schema: z.ZodType<{ nextCursor: string | null } & Record<string, unknown>>,
  pick: (page: Record<string, unknown>) => T[],
  pageSize: number,
): Promise<T[]> {
  const seen: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const res = await core.call(cursor ? `${path}?cursor=${encodeURIComponent(cursor)}` : path);
    expect(res.status).toBe(200);
    const page = await readAs(res, schema);
    const rows = pick(page);
    expect(rows.length).toBeLessThanOrEqual(pageSize);
    seen.push(...rows);
    if (page.nextCursor === null) return seen;
    expect(rows.length).toBe(pageSize);
    cursor = page.nextCursor;
  }
  throw new Error("more than 100 pages");
}

describe.each(testBackends)("list pages (issue 16) on $name", ({ open }) => {
  let core: Core;
  let taroId: string;
  let emptyId: string;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
    taroId = (await createTaro(core)).id;
    const other = await createHanako(core);
    emptyId = (await createHanako(core, { emails: [] })).id;
    await seed(core, taroId, TOTAL);
    await seed(core, other.id, 30);
  });
  afterAll(() => core.close());

  it("注文照会: every order once, in (time, 注文番号) order, across pages", async () => {
    const expected = await core.db
      .select({ n: orders.orderNumber })
      .from(orders)
      .where(eq(orders.customerId, taroId))
      .orderBy(desc(orders.createdAt), desc(orders.orderNumber));
    const seen = await walk(
      core,
      `/v1/customers/${taroId}/orders`,
      orderListSchema,
      (p) => (p as z.infer<typeof orderListSchema>).orders.map((o) => o.orderNumber),
      PAGE_SIZES.orders,
    );
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(seen).toEqual(expected.map((r) => r.n));
  });

  it("出金申込履歴: every withdrawal once, in (time, 受付番号) order, across pages", async () => {
    const expected = await core.db
      .select({ n: withdrawals.requestNumber })
      .from(withdrawals)
      .where(eq(withdrawals.customerId, taroId))
      .orderBy(desc(withdrawals.requestedAt), desc(withdrawals.requestNumber));
    const seen = await walk(
      core,
      `/v1/customers/${taroId}/withdrawals`,
      withdrawalListSchema,
      (p) => (p as z.infer<typeof withdrawalListSchema>).withdrawals.map((w) => w.requestNumber),
      PAGE_SIZES.withdrawals,
    );
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(seen).toEqual(expected.map((r) => r.n));
  });

  it("ログイン履歴: every login once (no other event), newest first, across pages", async () => {
    const expected = await core.db
      .select({ ua: auditEvents.userAgent })
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, taroId), eq(auditEvents.eventType, "login")))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id));
    const seen = await walk(
      core,
      `/v1/customers/${taroId}/login-history`,
      loginHistorySchema,
      (p) => (p as z.infer<typeof loginHistorySchema>).entries.map((e) => e.userAgent),
      PAGE_SIZES.logins,
    );
    expect(seen).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(PAGE_SIZES.logins * 2);
    expect(new Set(seen).size).toBe(expected.length);
    expect(seen).toEqual(expected.map((r) => r.ua));
  });

  it("a customer with nothing gets empty lists and no cursor", async () => {
    const orderPage = await readAs(await core.call(`/v1/customers/${emptyId}/orders`), orderListSchema);
    expect(orderPage).toEqual({ orders: [], nextCursor: null });
    const withdrawalPage = await readAs(await core.call(`/v1/customers/${emptyId}/withdrawals`), withdrawalListSchema);
    expect(withdrawalPage).toEqual({ withdrawals: [], nextCursor: null });
  });

  it("refuses a damaged or foreign cursor with 400 validation_failed on the cursor field", async () => {
    const first = await readAs(await core.call(`/v1/customers/${taroId}/withdrawals`), withdrawalListSchema);
    const foreign = first.nextCursor ?? "";
    expect(foreign).not.toBe("");
    const notJson = Buffer.from("not json").toString("base64url");
    const tooBig = Buffer.from(JSON.stringify(["99999999999999999", "O00000001"])).toString("base64url");
    const cases: [string, string][] = [
      ["orders", "%%%"],
      ["orders", notJson],
      ["orders", tooBig],
      // A withdrawals cursor names a 受付番号, not a 注文番号.
      ["orders", foreign],
      ["login-history", foreign],
      ["withdrawals", Buffer.from(JSON.stringify(["1", "W1"])).toString("base64url")],
    ];
    for (const [list, cursor] of cases) {
      const res = await core.call(`/v1/customers/${taroId}/${list}?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status, `${list} ${cursor}`).toBe(400);
      const error = await readError(res);
      expect(error.code).toBe("validation_failed");
      expect(error.fields).toEqual([
        {
          path: "cursor",
          message: "続きの表示位置が正しくありません。一覧を最初から表示し直してください。",
          reason: "invalid_cursor",
        },
      ]);
    }
  });
});

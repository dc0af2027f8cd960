import { verifyLoginResponseSchema } from "@kakunin/contracts/core-api";
import { balancesSchema } from "@kakunin/contracts/trading";
import { withdrawalOverviewSchema } from "@kakunin/contracts/withdrawals";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers } from "../db/schema.ts";
import { createTestCore, knownDeviceLogin, readAs } from "../test/test-app.ts";
import { seedDemoData } from "./demo-data.ts";

describe("demo data", () => {
  let core: Awaited<ReturnType<typeof createTestCore>>;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("seeds SPEC §9's customers once, and they can log in", async () => {
    expect(await seedDemoData(core.db, core.services)).toBe(true);
    expect(await seedDemoData(core.db, core.services)).toBe(false);
    const res = await knownDeviceLogin(core, {
      customerCode: "1000002",
      password: "Tsuki5river8",
      client: { ipAddress: null, userAgent: null },
    });
    expect(res.status).toBe(200);
    expect((await readAs(res, verifyLoginResponseSchema)).customer.name).toBe("佐藤 花子");
  });

  it("gives the demo customers SPEC §9's cash", async () => {
    await seedDemoData(core.db, core.services);
    const withdrawable = async (code: string) => {
      const [row] = await core.db.select({ id: customers.id }).from(customers).where(eq(customers.customerCode, code));
      const res = await core.call(`/v1/customers/${row?.id}/withdrawal-overview`);
      return (await readAs(res, withdrawalOverviewSchema)).withdrawable;
    };
    expect(await withdrawable("1000001")).toBe(1_000_000);
    expect(await withdrawable("1000002")).toBe(5_000_000);
    expect(await withdrawable("1000003")).toBe(0);
  });
});

describe("demo holdings", () => {
  it("gives 1000001 SPEC §9's 100 shares of 7203 and an opened 信用取引口座", async () => {
    const core = await createTestCore();
    try {
      await seedDemoData(core.db, core.services);
      const [row] = await core.db
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.customerCode, "1000001"));
      const res = await core.call(`/v1/customers/${row?.id}/balances`);
      const body = await readAs(res, balancesSchema);
      expect(body.positions.map((p) => [p.code, p.quantity, p.reservedQuantity])).toEqual([["7203", 100, 0]]);
      expect(body.buyingPower).toBe(1_000_000);
      // The one demo customer who can show 信用 trading.
      expect(body.marginAccountOpen).toBe(true);
    } finally {
      await core.close();
    }
  });
});

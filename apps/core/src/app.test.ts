import { coreRoutes, verifyLoginResponseSchema } from "@kakunin/contracts/core-api";
import { opsRoutes } from "@kakunin/contracts/ops";
import { createTestCustomerResponseSchema } from "@kakunin/contracts/test-support";
import { withdrawalOverviewSchema } from "@kakunin/contracts/withdrawals";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestCore, readAs, readError } from "./test/test-app.ts";

describe("core app", () => {
  let core: Awaited<ReturnType<typeof createTestCore>>;
  let coreWithTestApi: Awaited<ReturnType<typeof createTestCore>>;
  beforeAll(async () => {
    core = await createTestCore();
    coreWithTestApi = await createTestCore({ enableTestApi: true });
  });
  afterAll(async () => {
    await core.close();
    await coreWithTestApi.close();
  });

  it("refuses calls without the service credential or with a wrong one", async () => {
    const id = crypto.randomUUID();
    const none = await core.app.request(`/v1/customers/${id}`);
    expect(none.status).toBe(401);
    expect((await readError(none)).code).toBe("unauthenticated");
    const wrong = await core.call(`/v1/customers/${id}`, { headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
  });

  it("serves an OpenAPI 3.1 document covering every contract route", async () => {
    const res = await core.app.request("/openapi.json");
    const doc = await readAs(res, z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }));
    expect(doc.openapi).toBe("3.1.0");
    const paths = [...Object.values(coreRoutes), ...Object.values(opsRoutes)].map((r) => r.path);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([...new Set(paths)]));
    for (const route of Object.values(coreRoutes)) {
      expect(doc.paths[route.path], `${route.method} ${route.path}`).toHaveProperty(route.method);
    }
    expect(Object.keys(doc.paths)).not.toContain("/test/customers");
  });

  it("has no test API unless enabled", async () => {
    const res = await core.call("/test/customers", { method: "POST", json: {} });
    expect(res.status).toBe(404);
  });

  it("creates distinct test customers that can log in", async () => {
    const create = async (json: object) =>
      readAs(await coreWithTestApi.call("/test/customers", { method: "POST", json }), createTestCustomerResponseSchema);
    const a = await create({});
    const b = await create({ name: "別 顧客" });
    expect(a.customer.customerCode).toMatch(/^\d{7}$/);
    expect(b.customer.customerCode).not.toBe(a.customer.customerCode);
    expect(b.customer.name).toBe("別 顧客");
    const login = await coreWithTestApi.call("/v1/login-verifications", {
      method: "POST",
      json: {
        customerCode: a.customer.customerCode,
        password: a.loginPassword,
        client: { ipAddress: null, userAgent: null },
      },
    });
    expect((await readAs(login, verifyLoginResponseSchema)).customer.id).toBe(a.customer.id);
    // Test customers start with ¥1,000,000 to withdraw.
    const overview = await coreWithTestApi.call(`/v1/customers/${a.customer.id}/withdrawal-overview`);
    expect((await readAs(overview, withdrawalOverviewSchema)).withdrawable).toBe(1_000_000);
  });

  it("limits the request body size", async () => {
    const res = await core.call("/v1/login-verifications", {
      method: "POST",
      json: { customerCode: "1000001", password: "x".repeat(100_000), client: { ipAddress: null, userAgent: null } },
    });
    expect(res.status).toBe(413);
    expect((await readError(res)).code).toBe("payload_too_large");
  });

  it("answers unknown paths with a JSON 404", async () => {
    const res = await core.call("/v1/nothing-here");
    expect(res.status).toBe(404);
    expect((await readError(res)).code).toBe("not_found");
  });
});

import { coreRoutes, verifyLoginResponseSchema } from "@kakunin/contracts/core-api";
import { opsRoutes } from "@kakunin/contracts/ops";
import { createTestCustomerResponseSchema } from "@kakunin/contracts/test-support";
import { withdrawalOverviewSchema } from "@kakunin/contracts/withdrawals";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createTestCore,
  knownDeviceLogin,
  readAs,
  readError,
  TEST_OPS_TOKEN,
  TEST_SERVICE_TOKEN,
} from "./test/test-app.ts";

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

  const documentSchema = z.object({
    openapi: z.string(),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    components: z.object({ securitySchemes: z.record(z.string(), z.unknown()) }),
  });

  it("serves the service contract openly as OpenAPI 3.1: every /v1 route, no operator or test route", async () => {
    const res = await coreWithTestApi.app.request("/openapi.json");
    expect(res.status).toBe(200);
    const doc = await readAs(res, documentSchema);
    expect(doc.openapi).toBe("3.1.0");
    for (const route of Object.values(coreRoutes)) {
      expect(doc.paths[route.path], `${route.method} ${route.path}`).toHaveProperty(route.method);
    }
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !p.startsWith("/v1/"))).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["service"]);
    // Nothing of the operator API leaks through shared components either.
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/\/ops\/|\/test\/|"operator"/);
  });

  it("documents the operator and test routes only for the operator credential", async () => {
    for (const authorization of [undefined, `Bearer ${TEST_SERVICE_TOKEN}`, "Bearer nope"]) {
      const res = await coreWithTestApi.app.request("/ops/openapi.json", {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status, authorization ?? "no credential").toBe(401);
      expect((await readError(res)).code).toBe("unauthenticated");
    }
    const res = await coreWithTestApi.app.request("/ops/openapi.json", {
      headers: { authorization: `Bearer ${TEST_OPS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const doc = await readAs(res, documentSchema);
    const paths = [...Object.values(coreRoutes), ...Object.values(opsRoutes)].map((r) => r.path);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([...new Set(paths), "/test/customers"]));
    for (const route of Object.values(opsRoutes)) {
      expect(doc.paths[route.path], `${route.method} ${route.path}`).toHaveProperty(route.method);
    }
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["operator", "service"]);
    // Without the test API, its routes are not documented at all.
    const plain = await core.app.request("/ops/openapi.json", {
      headers: { authorization: `Bearer ${TEST_OPS_TOKEN}` },
    });
    expect(Object.keys((await readAs(plain, documentSchema)).paths)).not.toContain("/test/customers");
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
    const login = await knownDeviceLogin(coreWithTestApi, {
      customerCode: a.customer.customerCode,
      password: a.loginPassword,
      client: { ipAddress: null, userAgent: null },
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

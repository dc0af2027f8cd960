import { mailSettingsSchema } from "@kakunin/contracts/mail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer } from "../../domain/customers.ts";
import { createTestCore, readAs } from "../../test/test-app.ts";

describe("GET mail-settings (R23)", () => {
  let core: Awaited<ReturnType<typeof createTestCore>>;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("lists the addresses and every optional mail type with its state and 配信先", async () => {
    const c = await createCustomer(core.db, core.services, {
      name: "試験 花子",
      birthDate: "1975-06-30",
      phone: "080-1111-2222",
      emails: ["one@example.test", "two@example.test"],
      loginPassword: "Hana4river8",
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

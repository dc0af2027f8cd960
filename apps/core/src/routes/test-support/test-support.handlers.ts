import type { RouteHandler } from "@hono/zod-openapi";
import { createCustomer } from "../../domain/customers.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { createTestCustomer } from "./test-support.routes.ts";

/** A password that passes the login-password policy; tests may pass their own. */
const DEFAULT_TEST_PASSWORD = "Tst4river9";

export const createTestCustomerHandler: RouteHandler<typeof createTestCustomer, AppBindings> = async (c) => {
  const input = c.req.valid("json");
  const loginPassword = input.loginPassword ?? DEFAULT_TEST_PASSWORD;
  const suffix = crypto.randomUUID().slice(0, 8);
  const customer = await createCustomer(c.get("db"), {
    name: input.name ?? "試験 顧客",
    birthDate: input.birthDate ?? "1985-04-01",
    phone: input.phone ?? "090-0000-0000",
    emails: [input.email ?? `qa-${suffix}@example.test`],
    loginPassword,
  });
  return c.json({ customer, loginPassword }, 201);
};

import type { RouteHandler } from "@hono/zod-openapi";
import { createCustomer, jstDate } from "../../domain/customers.ts";
import { rememberDevice } from "../../domain/new-devices.ts";
import { TestClock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { createTestCustomer, setTestClock } from "./test-support.routes.ts";

/** A password that passes the login-password policy; tests may pass their own. */
const DEFAULT_TEST_PASSWORD = "Tst4river9";
/** 出金可能額 every test customer starts with, so withdrawal scenarios need no setup. */
const DEFAULT_TEST_CASH = 1_000_000;

/** 信用取引口座 開設済 on `on` (the creation date, as the default 総合口座 and 特定口座 are). */
const openedMarginAccount = (on: string) =>
  ({ kind: "信用取引口座", status: "開設済", appliedOn: on, openedOn: on }) as const;

export const createTestCustomerHandler: RouteHandler<typeof createTestCustomer, AppBindings> = async (c) => {
  const input = c.req.valid("json");
  const loginPassword = input.loginPassword ?? DEFAULT_TEST_PASSWORD;
  const suffix = crypto.randomUUID().slice(0, 8);
  const emails = input.emails ?? [`qa-${suffix}@example.test`];
  const created = await createCustomer(c.get("db"), c.get("services"), {
    name: input.name ?? "試験 顧客",
    birthDate: input.birthDate ?? "1985-04-01",
    phone: input.phone ?? "090-0000-0000",
    emails,
    ...(input.mailSettings ? { mailSettings: input.mailSettings } : {}),
    loginPassword,
    ...(input.executionPassword ? { executionPassword: { plain: input.executionPassword, initial: false } } : {}),
    ...(input.locked ? { locked: true } : {}),
    ...(input.marginAccount ? { accountOpenings: [openedMarginAccount(jstDate(c.get("services").clock.now()))] } : {}),
    cash: DEFAULT_TEST_CASH,
  });
  const { executionPassword, executionPasswordIsInitial, ...customer } = created;
  for (const hash of input.knownDevices ?? []) {
    await rememberDevice(c.get("db"), customer.id, hash, c.get("services").clock.now(customer.id));
  }
  return c.json({ customer, emails, loginPassword, executionPassword, executionPasswordIsInitial }, 201);
};

export const setTestClockHandler: RouteHandler<typeof setTestClock, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { now } = c.req.valid("json");
  const clock = c.get("services").clock;
  if (!(clock instanceof TestClock)) throw new AppError("not_found", 404);
  // Shared through the database: the next request may reach another core instance (issue 18).
  await clock.setShared(c.get("db"), customerId, now ? new Date(now) : null);
  return c.json({ now: clock.now(customerId).toISOString() }, 200);
};

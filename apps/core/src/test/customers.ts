import { createCustomer, type NewCustomer } from "../domain/customers.ts";
import type { createTestCore } from "./test-app.ts";

type Core = Pick<Awaited<ReturnType<typeof createTestCore>>, "db" | "services">;

/**
 * 試験 太郎, the customer most core tests start from: an already-changed execution password
 * (Rk7m2x), so no step-up meets the initial-password rules. Tests override what they are about.
 */
export const taro = {
  name: "試験 太郎",
  birthDate: "1980-01-15",
  phone: "090-1234-5678",
  emails: ["first@example.test"],
  loginPassword: "Kiso8pine3",
  executionPassword: { plain: "Rk7m2x", initial: false },
} satisfies NewCustomer;

/** 試験 花子: a second customer with her own data and only the initial execution password. */
export const hanako = {
  name: "試験 花子",
  birthDate: "1975-06-30",
  phone: "080-1111-2222",
  emails: ["one@example.test", "two@example.test"],
  loginPassword: "Hana4river8",
} satisfies NewCustomer;

/** Creates 試験 太郎 in the test core's database, with `overrides` over his data. */
export const createTaro = (core: Core, overrides: Partial<NewCustomer> = {}) =>
  createCustomer(core.db, core.services, { ...taro, ...overrides });

/** Creates 試験 花子 in the test core's database, with `overrides` over her data. */
export const createHanako = (core: Core, overrides: Partial<NewCustomer> = {}) =>
  createCustomer(core.db, core.services, { ...hanako, ...overrides });

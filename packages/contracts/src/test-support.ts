import { z } from "zod";
import { customerSummarySchema } from "./customers.ts";
import { deviceHashSchema } from "./devices.ts";
import { addressPositionSchema, emailAddressSchema, optionalMailTypeSchema } from "./mail.ts";
import { usableCharacters } from "./text.ts";

/**
 * Test-only seeding API of core (exists only when core runs with CORE_TEST_API=true).
 * Playwright fixtures create a fresh customer per test through it.
 */
export const createTestCustomerRequestSchema = z.strictObject({
  name: z.string().check(usableCharacters()).min(1).max(60).optional(),
  loginPassword: z.string().check(usableCharacters()).min(1).max(20).optional(),
  birthDate: z.iso.date().optional(),
  phone: z
    .string()
    .regex(/^0\d{1,4}-?\d{1,4}-?\d{3,4}$/)
    .optional(),
  /** Registered addresses (1–2); default one unique address per customer. */
  emails: z.array(emailAddressSchema).min(1).max(2).optional(),
  /** Mail settings to start with (others keep the defaults: 配信不要). */
  mailSettings: z
    .array(z.strictObject({ type: optionalMailTypeSchema, enabled: z.boolean(), destination: addressPositionSchema }))
    .optional(),
  /** Sets an already-changed execution password; omitted, the customer gets an initial one. */
  executionPassword: z.string().check(usableCharacters()).min(4).max(20).optional(),
  /** Starts the customer locked (R8), as after 9 failed execution-password attempts. */
  locked: z.boolean().optional(),
  /** true: the 信用取引口座 is 開設済 (opened on the creation date), so margin orders are accepted; default 未開設. */
  marginAccount: z.boolean().optional(),
  /** Issue 15: device hashes the customer already logged in from (e2e contexts carry one). */
  knownDevices: z.array(deviceHashSchema).max(4).optional(),
});
export type CreateTestCustomerRequest = z.infer<typeof createTestCustomerRequestSchema>;

export const createTestCustomerResponseSchema = z.object({
  customer: customerSummarySchema,
  emails: z.array(z.string()),
  loginPassword: z.string(),
  executionPassword: z.string(),
  /** True when `executionPassword` is the company-issued initial one shown in お知らせ. */
  executionPasswordIsInitial: z.boolean(),
});
export type CreateTestCustomerResponse = z.infer<typeof createTestCustomerResponseSchema>;

export const TEST_CUSTOMERS_PATH = "/test/customers";

/** Sets (or with `now: null` clears) core's clock for one customer, so parallel tests can each live at their own time. */
export const setTestClockRequestSchema = z.strictObject({ now: z.iso.datetime({ offset: true }).nullable() });
export const testClockPath = (customerId: string) => `/test/customers/${customerId}/clock`;

/** BFF test route `POST /api/test/session/age`: makes the caller's session this much older. */
export const testSessionAgeRequestSchema = z.strictObject({ seconds: z.number().int().min(1).max(86_400) });

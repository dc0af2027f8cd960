import { z } from "zod";
import { customerSummarySchema } from "./customers.ts";

/**
 * Test-only seeding API of core (exists only when core runs with CORE_TEST_API=true).
 * Playwright fixtures create a fresh customer per test through it.
 */
export const createTestCustomerRequestSchema = z.strictObject({
  name: z.string().min(1).max(60).optional(),
  loginPassword: z.string().min(1).max(20).optional(),
  birthDate: z.iso.date().optional(),
  phone: z
    .string()
    .regex(/^0\d{1,4}-?\d{1,4}-?\d{3,4}$/)
    .optional(),
  email: z.email().optional(),
});
export type CreateTestCustomerRequest = z.infer<typeof createTestCustomerRequestSchema>;

export const createTestCustomerResponseSchema = z.object({
  customer: customerSummarySchema,
  loginPassword: z.string(),
});
export type CreateTestCustomerResponse = z.infer<typeof createTestCustomerResponseSchema>;

export const TEST_CUSTOMERS_PATH = "/test/customers";

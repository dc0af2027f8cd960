import { z } from "zod";
import type { RouteDescriptor } from "./core-api.ts";
import { clientContextSchema, customerPathSchema } from "./core-api-customer.ts";

/**
 * Sessions live in the BFF (memory or Redis), so core cannot see them end; the BFF reports
 * each logout a customer makes from ログイン中の端末 (R32) for the audit trail (R29).
 */
export const recordSessionEventRequestSchema = z.strictObject({
  /** `logout_one`: one other session ended; `logout_others`: every other session ended. */
  action: z.enum(["logout_one", "logout_others"]),
  /** Sessions actually ended (0: it had ended already). */
  ended: z.number().int().min(0).max(10_000),
  client: clientContextSchema,
});
export type RecordSessionEventRequest = z.infer<typeof recordSessionEventRequestSchema>;
export const recordSessionEventResponseSchema = z.object({ recorded: z.literal(true) });

export const sessionCoreRoutes = {
  recordSessionEvent: {
    method: "post",
    path: "/v1/customers/{customerId}/session-events",
    summary: "Audit a logout the customer made from ログイン中の端末 (R32)",
    params: customerPathSchema,
    body: recordSessionEventRequestSchema,
    response: recordSessionEventResponseSchema,
    errors: [404],
  },
} as const satisfies Record<string, RouteDescriptor>;

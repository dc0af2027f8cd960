import { z } from "zod";
import { customerCodeSchema } from "./auth.ts";
import { usableCharacters } from "./text.ts";

/**
 * Operator API of core (bearer CORE_OPS_TOKEN), used by `npm run ops`. Customers are
 * addressed by お客様コード, as an operator on the phone would.
 */
/** The operator's name (OPS_OPERATOR), recorded with every action. */
const operatorSchema = z.string().check(usableCharacters()).min(1).max(64);

export const opsCustomerPathSchema = z.strictObject({ customerCode: customerCodeSchema });

export const opsActionRequestSchema = z.strictObject({
  /** Who is acting, recorded in the audit trail. */
  operator: operatorSchema,
  /** Why (e.g. the call reference), recorded in the audit trail. */
  note: z.string().check(usableCharacters()).max(200).optional(),
});
export type OpsActionRequest = z.infer<typeof opsActionRequestSchema>;

export const opsActionResponseSchema = z.object({ customerCode: z.string(), done: z.string() });

export const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime({ offset: true }),
  eventType: z.string(),
  outcome: z.string(),
  subject: z.string().nullable(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const auditEventListSchema = z.object({ events: z.array(auditEventSchema) });
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const opsRoutes = {
  unlock: { method: "post", path: "/ops/customers/{customerCode}/unlock" },
  reissueInitialExecutionPassword: { method: "post", path: "/ops/customers/{customerCode}/initial-execution-password" },
  listAuditEvents: { method: "get", path: "/ops/customers/{customerCode}/audit-events" },
  listStuckMail: { method: "get", path: "/ops/mail/stuck" },
  setPrice: { method: "post", path: "/ops/market/instruments/{code}/price" },
  runNav: { method: "post", path: "/ops/market/nav-run" },
  expireOrders: { method: "post", path: "/ops/orders/expire" },
  approveBankAccountChange: { method: "post", path: "/ops/customers/{customerCode}/bank-account-changes/approve" },
  rejectBankAccountChange: { method: "post", path: "/ops/customers/{customerCode}/bank-account-changes/reject" },
  retryMail: { method: "post", path: "/ops/mail/{id}/retry" },
  approveMarginAccount: { method: "post", path: "/ops/customers/{customerCode}/margin-account-applications/approve" },
  rejectMarginAccount: { method: "post", path: "/ops/customers/{customerCode}/margin-account-applications/reject" },
  removePasskeys: { method: "post", path: "/ops/customers/{customerCode}/passkeys/removal" },
  resumeTrading: { method: "post", path: "/ops/customers/{customerCode}/trading-stop/lift" },
} as const;

export const opsMailPathSchema = z.strictObject({ id: z.coerce.number().int().positive() });

export const opsSetPriceRequestSchema = z.strictObject({
  operator: operatorSchema,
  price: z.number().positive(),
});
export const opsMarketResultSchema = z.object({ done: z.string(), filledOrders: z.number().int() });

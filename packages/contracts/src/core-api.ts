import { z } from "zod";
import { customerCodeSchema, loginPasswordInputSchema } from "./auth.ts";
import {
  changeExecutionPasswordRequestSchema,
  changeLoginPasswordRequestSchema,
  credentialStatusSchema,
  executionPasswordInputSchema,
} from "./credentials.ts";
import { customerIdSchema, customerSummarySchema, loginHistorySchema, noticeListSchema } from "./customers.ts";
import { errorBodySchema } from "./errors.ts";

/**
 * Core services API, version 1. This file is the contract a real broker's systems
 * implement in place of `apps/core`: core builds its OpenAPI routes from these
 * descriptors and the BFF's client calls exactly these, so neither can drift.
 */
export const CORE_API_VERSION = "1.0.0";

/** Who is acting, as seen by the BFF; recorded in the audit trail (R29). */
export const clientContextSchema = z.strictObject({
  ipAddress: z.string().max(64).nullable(),
  userAgent: z.string().max(512).nullable(),
});
export type ClientContext = z.infer<typeof clientContextSchema>;

export const verifyLoginRequestSchema = z.strictObject({
  customerCode: customerCodeSchema,
  password: loginPasswordInputSchema,
  client: clientContextSchema,
});
export type VerifyLoginRequest = z.infer<typeof verifyLoginRequestSchema>;

export const verifyLoginResponseSchema = z.object({ customer: customerSummarySchema });

export const customerPathSchema = z.strictObject({ customerId: customerIdSchema });

export const verifyExecutionPasswordRequestSchema = z.strictObject({
  password: executionPasswordInputSchema,
  /** What the password is being entered for (e.g. `view-profile`), for the audit trail. */
  purpose: z.string().min(1).max(64),
  client: clientContextSchema,
});
export type VerifyExecutionPasswordRequest = z.infer<typeof verifyExecutionPasswordRequestSchema>;
export const verifyExecutionPasswordResponseSchema = z.object({ verified: z.literal(true) });

export const changeExecutionPasswordCoreRequestSchema = z.strictObject({
  request: changeExecutionPasswordRequestSchema,
  client: clientContextSchema,
});
export const changeLoginPasswordCoreRequestSchema = z.strictObject({
  request: changeLoginPasswordRequestSchema,
  client: clientContextSchema,
});
export const passwordChangedResponseSchema = z.object({ changedAt: z.iso.datetime({ offset: true }) });

interface RouteDescriptor {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: `/${string}`;
  summary: string;
  params?: z.ZodType<Record<string, string>>;
  body?: z.ZodType;
  response: z.ZodType;
  /** HTTP statuses the route answers with an error body besides 400/401/500. */
  errors?: readonly number[];
}

export const coreRoutes = {
  verifyLogin: {
    method: "post",
    path: "/v1/login-verifications",
    summary: "Verify a customer code and login password; audits the attempt",
    body: verifyLoginRequestSchema,
    response: verifyLoginResponseSchema,
  },
  getCustomer: {
    method: "get",
    path: "/v1/customers/{customerId}",
    summary: "A customer's summary (code and name)",
    params: customerPathSchema,
    response: customerSummarySchema,
    errors: [404],
  },
  listNotices: {
    method: "get",
    path: "/v1/customers/{customerId}/notices",
    summary: "お知らせ for 会員トップ",
    params: customerPathSchema,
    response: noticeListSchema,
    errors: [404],
  },
  getLoginHistory: {
    method: "get",
    path: "/v1/customers/{customerId}/login-history",
    summary: "The customer's most recent login attempts from the audit trail",
    params: customerPathSchema,
    response: loginHistorySchema,
    errors: [404],
  },
  getCredentialStatus: {
    method: "get",
    path: "/v1/customers/{customerId}/credentials",
    summary: "Execution password state (initial?, tries left, locked) and the R11 schedule",
    params: customerPathSchema,
    response: credentialStatusSchema,
    errors: [404],
  },
  verifyExecutionPassword: {
    method: "post",
    path: "/v1/customers/{customerId}/execution-password/verifications",
    summary: "Check the execution password; counts toward the 9-try lock (R8)",
    params: customerPathSchema,
    body: verifyExecutionPasswordRequestSchema,
    response: verifyExecutionPasswordResponseSchema,
    errors: [404, 422, 423],
  },
  changeExecutionPassword: {
    method: "put",
    path: "/v1/customers/{customerId}/execution-password",
    summary: "執行パスワード変更 (R7, R10); the current password counts toward the lock",
    params: customerPathSchema,
    body: changeExecutionPasswordCoreRequestSchema,
    response: passwordChangedResponseSchema,
    errors: [404, 422, 423],
  },
  changeLoginPassword: {
    method: "put",
    path: "/v1/customers/{customerId}/login-password",
    summary: "ログインパスワード変更 (R2, R3)",
    params: customerPathSchema,
    body: changeLoginPasswordCoreRequestSchema,
    response: passwordChangedResponseSchema,
    errors: [404, 422],
  },
} as const satisfies Record<string, RouteDescriptor>;

export type CoreRoutes = typeof coreRoutes;
export type CoreRouteName = keyof CoreRoutes;
export { errorBodySchema };

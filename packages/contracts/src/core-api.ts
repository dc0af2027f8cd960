import type { z } from "zod";
import {
  changeExecutionPasswordCoreRequestSchema,
  changeLocaleCoreRequestSchema,
  changeLocaleCoreResponseSchema,
  changeLoginPasswordCoreRequestSchema,
  customerPathSchema,
  passwordChangedResponseSchema,
  recordLoginThrottleRequestSchema,
  recordLoginThrottleResponseSchema,
  verifyExecutionPasswordRequestSchema,
  verifyExecutionPasswordResponseSchema,
  verifyLoginCodeRequestSchema,
  verifyLoginRequestSchema,
  verifyLoginResponseSchema,
} from "./core-api-customer.ts";
import {
  applyMarginAccountCoreRequestSchema,
  changeEmailCoreRequestSchema,
  changeMailSettingCoreRequestSchema,
  changeProfileCoreRequestSchema,
  createWithdrawalCoreRequestSchema,
  requestBankAccountChangeCoreRequestSchema,
} from "./core-api-operations.ts";
import { passkeyCoreRoutes } from "./core-api-passkeys.ts";
import { sessionCoreRoutes } from "./core-api-sessions.ts";
import {
  issueAuthCodeRequestSchema,
  issueAuthCodeResponseSchema,
  stepUpRequirementsQuerySchema,
  stepUpRequirementsResponseSchema,
  verifyStepUpCoreRequestSchema,
  verifyStepUpResponseSchema,
} from "./core-api-step-up.ts";
import { tradingCoreRoutes } from "./core-api-trading.ts";
import { credentialStatusSchema } from "./credentials.ts";
import {
  customerSummarySchema,
  loginHistorySchema,
  noticeListSchema,
  previousLoginQuerySchema,
  previousLoginSchema,
} from "./customers.ts";
import { errorBodySchema } from "./errors.ts";
import { mailSettingsSchema } from "./mail.ts";
import { marginAccountApplicationViewSchema } from "./margin-accounts.ts";
import type { OperationDefinitions, StepUpOperation } from "./operations.ts";
import { loginHistoryPageQuerySchema, withdrawalPageQuerySchema } from "./pagination.ts";
import { passwordResetCoreRoutes } from "./password-reset.ts";
import {
  accountOpeningListSchema,
  profileChangeReceiptSchema,
  profileSchema,
  registeredEmailsSchema,
} from "./registered-info.ts";
import { tradingStopCoreRoutes } from "./trading-stop.ts";
import {
  bankAccountChangeCheckSchema,
  bankAccountChangeViewSchema,
  withdrawalListSchema,
  withdrawalOverviewSchema,
  withdrawalReceiptSchema,
} from "./withdrawals.ts";

// The request schemas live beside this file, one per resource; this subpath keeps exporting them.
export * from "./core-api-customer.ts";
export * from "./core-api-operations.ts";
export * from "./core-api-passkeys.ts";
export * from "./core-api-sessions.ts";
export * from "./core-api-step-up.ts";
export * from "./core-api-trading.ts";

/**
 * Core services API, version 1. This file is the contract a real broker's systems
 * implement in place of `apps/core`: core builds its OpenAPI routes from these
 * descriptors and the BFF's client calls exactly these, so neither can drift.
 */
export const CORE_API_VERSION = "1.0.0";

export interface RouteDescriptor {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: `/${string}`;
  summary: string;
  params?: z.ZodType<Record<string, string>>;
  query?: z.ZodType<Record<string, string | undefined>>;
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
    errors: [403, 422],
  },
  /** Issue 15: completes a password login from a new device with the mailed 認証コード. */
  verifyLoginCode: {
    method: "post",
    path: "/v1/login-code-verifications",
    summary: "Verify the 認証コード of a login from a new device; the device becomes known and cooling starts",
    body: verifyLoginCodeRequestSchema,
    response: verifyLoginResponseSchema,
    errors: [410, 422, 429],
  },
  recordLoginThrottle: {
    method: "post",
    path: "/v1/login-throttles",
    summary: "Audit that the BFF's login throttle engaged for a customer code or a client",
    body: recordLoginThrottleRequestSchema,
    response: recordLoginThrottleResponseSchema,
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
  changeCustomerLocale: {
    method: "put",
    path: "/v1/customers/{customerId}/locale",
    summary: "The customer's language (R36): screens after login and mails follow it",
    params: customerPathSchema,
    body: changeLocaleCoreRequestSchema,
    response: changeLocaleCoreResponseSchema,
    errors: [404],
  },
  getLoginHistory: {
    method: "get",
    path: "/v1/customers/{customerId}/login-history",
    summary: "ログイン履歴: the customer's login attempts from the audit trail, newest first, a page at a time",
    params: customerPathSchema,
    query: loginHistoryPageQuerySchema,
    response: loginHistorySchema,
    errors: [404],
  },
  getPreviousLogin: {
    method: "get",
    path: "/v1/customers/{customerId}/previous-login",
    summary: "前回ログイン (R42): the successful login before the current session's",
    params: customerPathSchema,
    query: previousLoginQuerySchema,
    response: previousLoginSchema,
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
  getStepUpRequirements: {
    method: "get",
    path: "/v1/customers/{customerId}/step-up-requirements",
    summary:
      "What confirming an operation needs now: the execution password (from enforcement on) and/or an 認証コード",
    params: customerPathSchema,
    query: stepUpRequirementsQuerySchema,
    response: stepUpRequirementsResponseSchema,
    errors: [404],
  },
  issueAuthCode: {
    method: "post",
    path: "/v1/customers/{customerId}/auth-codes",
    summary: "Mail a 6-digit 認証コード bound to an operation digest (R13); voids the previous one; throttled",
    params: customerPathSchema,
    body: issueAuthCodeRequestSchema,
    response: issueAuthCodeResponseSchema,
    errors: [403, 404, 409, 429],
  },
  verifyStepUp: {
    method: "post",
    path: "/v1/customers/{customerId}/step-up-verifications",
    summary: "Verify the confirmation of one operation: execution password (lock counter) and 認証コード",
    params: customerPathSchema,
    body: verifyStepUpCoreRequestSchema,
    response: verifyStepUpResponseSchema,
    errors: [403, 404, 410, 422, 423],
  },
  getProfile: {
    method: "get",
    path: "/v1/customers/{customerId}/profile",
    summary: "口座情報 (bank account masked)",
    params: customerPathSchema,
    response: profileSchema,
    errors: [404],
  },
  changeProfile: {
    method: "put",
    path: "/v1/customers/{customerId}/profile",
    summary: "Change postal code, address and phone; mails 口座情報変更完了通知 when on (R22)",
    params: customerPathSchema,
    body: changeProfileCoreRequestSchema,
    response: profileChangeReceiptSchema,
    errors: [404],
  },
  listAccountOpenings: {
    method: "get",
    path: "/v1/customers/{customerId}/account-openings",
    summary: "口座開設状況",
    params: customerPathSchema,
    response: accountOpeningListSchema,
    errors: [404],
  },
  getEmails: {
    method: "get",
    path: "/v1/customers/{customerId}/emails",
    summary: "Registered e-mail addresses (up to 2)",
    params: customerPathSchema,
    response: registeredEmailsSchema,
    errors: [404],
  },
  changeEmail: {
    method: "put",
    path: "/v1/customers/{customerId}/emails",
    summary: "Set address 1 or 2; mails メールアドレス変更通知 to the old and the new address",
    params: customerPathSchema,
    body: changeEmailCoreRequestSchema,
    response: registeredEmailsSchema,
    errors: [404],
  },
  getMailSettings: {
    method: "get",
    path: "/v1/customers/{customerId}/mail-settings",
    summary: "メールサービス配信設定: every mail type with 配信中/配信不要 and 配信先",
    params: customerPathSchema,
    response: mailSettingsSchema,
    errors: [404],
  },
  changeMailSetting: {
    method: "put",
    path: "/v1/customers/{customerId}/mail-settings",
    summary: "Change one mail type's 配信設定 and 配信先 (R24); audited; 口座情報変更完了通知 when on",
    params: customerPathSchema,
    body: changeMailSettingCoreRequestSchema,
    response: mailSettingsSchema,
    errors: [404],
  },
  getWithdrawalOverview: {
    method: "get",
    path: "/v1/customers/{customerId}/withdrawal-overview",
    summary: "出金可能額, the registered destination (masked) and any pending destination change",
    params: customerPathSchema,
    response: withdrawalOverviewSchema,
    errors: [404],
  },
  createWithdrawal: {
    method: "post",
    path: "/v1/customers/{customerId}/withdrawals",
    summary: "出金申込: reduces 出金可能額 atomically; one per requestKey; 出金申込完了通知 when on",
    params: customerPathSchema,
    body: createWithdrawalCoreRequestSchema,
    response: withdrawalReceiptSchema,
    errors: [404, 409, 422],
  },
  listWithdrawals: {
    method: "get",
    path: "/v1/customers/{customerId}/withdrawals",
    summary: "Past withdrawal requests, newest first, a page at a time",
    params: customerPathSchema,
    query: withdrawalPageQuerySchema,
    response: withdrawalListSchema,
    errors: [404],
  },
  requestBankAccountChange: {
    method: "post",
    path: "/v1/customers/{customerId}/bank-account-changes",
    summary: "出金先口座変更の申請 (R14); applied when an operator approves it",
    params: customerPathSchema,
    body: requestBankAccountChangeCoreRequestSchema,
    response: bankAccountChangeViewSchema,
    errors: [404, 409],
  },
  checkBankAccountChange: {
    method: "post",
    path: "/v1/customers/{customerId}/bank-account-change-checks",
    summary: "本人名義 (R39): may this 出金先口座変更 be confirmed? Stores nothing; a refusal is audited",
    params: customerPathSchema,
    body: requestBankAccountChangeCoreRequestSchema,
    response: bankAccountChangeCheckSchema,
    errors: [404],
  },
  applyMarginAccount: {
    method: "post",
    path: "/v1/customers/{customerId}/margin-account-applications",
    summary: "信用取引口座開設の申込 (R41): 未開設 → 審査中 until an operator decides; mails the receipt",
    params: customerPathSchema,
    body: applyMarginAccountCoreRequestSchema,
    response: marginAccountApplicationViewSchema,
    errors: [404, 409],
  },
  ...tradingCoreRoutes,
  ...passkeyCoreRoutes,
  ...tradingStopCoreRoutes,
  ...sessionCoreRoutes,
  ...passwordResetCoreRoutes,
} as const satisfies Record<string, RouteDescriptor>;

export type CoreRoutes = typeof coreRoutes;
export type CoreRouteName = keyof CoreRoutes;
export { errorBodySchema };

/** Every guarded operation names core routes that exist (checked when this compiles). */
type OperationCoreRoute = OperationDefinitions[StepUpOperation]["coreRoutes"][number];
const everyOperationCoreRouteExists: OperationCoreRoute extends CoreRouteName ? true : never = true;
void everyOperationCoreRouteExists;

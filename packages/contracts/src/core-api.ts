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
import { mailSettingChangeSchema, mailSettingsSchema } from "./mail.ts";
import { marginAccountApplicationSchema, marginAccountApplicationViewSchema } from "./margin-accounts.ts";
import {
  accountOpeningListSchema,
  emailChangeSchema,
  profileChangeSchema,
  profileSchema,
  registeredEmailsSchema,
} from "./registered-info.ts";
import { authCodeSchema, stepUpMethodSchema, stepUpOperationSchema } from "./step-up.ts";
import { usableCharacters } from "./text.ts";
import {
  balancesSchema,
  instrumentListSchema,
  modifyOrderRequestSchema,
  orderListSchema,
  orderNumberSchema,
  orderRequestSchema,
  orderSchema,
} from "./trading.ts";
import {
  bankAccountChangeSchema,
  bankAccountChangeViewSchema,
  withdrawalListSchema,
  withdrawalOverviewSchema,
  withdrawalRequestSchema,
  withdrawalSchema,
} from "./withdrawals.ts";

/**
 * Core services API, version 1. This file is the contract a real broker's systems
 * implement in place of `apps/core`: core builds its OpenAPI routes from these
 * descriptors and the BFF's client calls exactly these, so neither can drift.
 */
export const CORE_API_VERSION = "1.0.0";

/** Who is acting, as seen by the BFF; recorded in the audit trail (R29). */
export const clientContextSchema = z.strictObject({
  ipAddress: z.string().check(usableCharacters()).max(64).nullable(),
  userAgent: z.string().check(usableCharacters()).max(512).nullable(),
});
export type ClientContext = z.infer<typeof clientContextSchema>;

export const verifyLoginRequestSchema = z.strictObject({
  customerCode: customerCodeSchema,
  password: loginPasswordInputSchema,
  client: clientContextSchema,
});
export type VerifyLoginRequest = z.infer<typeof verifyLoginRequestSchema>;

export const verifyLoginResponseSchema = z.object({ customer: customerSummarySchema });

/**
 * The BFF's login throttle has just engaged (R1): its later refusals never reach core, so
 * core audits the moment it starts (R29), once per window and budget rather than per attempt.
 */
export const recordLoginThrottleRequestSchema = z.strictObject({
  /**
   * Which limit was reached (BFF decision 011): `customer_code`, the code is blocked for every
   * client; `client`, codes that failed from this client address are refused; `client_slowdown`,
   * every attempt from this client address is paced.
   */
  scope: z.enum(["customer_code", "client", "client_slowdown"]),
  /** The code typed in the attempt that reached the limit. */
  customerCode: customerCodeSchema,
  client: clientContextSchema,
  /** How long the limit holds: the code's block, or the rest of the client's counting window. */
  retryAfterSeconds: z.number().int().positive(),
});
export type RecordLoginThrottleRequest = z.infer<typeof recordLoginThrottleRequestSchema>;
export const recordLoginThrottleResponseSchema = z.object({ recorded: z.literal(true) });

export const customerPathSchema = z.strictObject({ customerId: customerIdSchema });

export const verifyExecutionPasswordRequestSchema = z.strictObject({
  password: executionPasswordInputSchema,
  /** What the password is being entered for (e.g. `view-profile`), for the audit trail. */
  purpose: z.string().check(usableCharacters()).min(1).max(64),
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

/** sha256 (hex) of the canonical JSON (RFC 8785) of `{ operation, payload }`, computed by the BFF. */
export const operationDigestSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const stepUpRequirementsQuerySchema = z.strictObject({ operation: stepUpOperationSchema });
export const stepUpRequirementsResponseSchema = z.object({
  /** Empty before enforcement (R11) and for operations that need nothing. */
  methods: z.array(stepUpMethodSchema),
  /** Masked destination of the 認証コード, when one is required. */
  codeDestination: z.string().nullable(),
  /**
   * The execution password is locked (R8): every confirmation that needs it will be
   * refused until an operator unlocks the account.
   */
  locked: z.boolean(),
});

export const issueAuthCodeRequestSchema = z.strictObject({
  operation: stepUpOperationSchema,
  digest: operationDigestSchema,
  /**
   * The confirmed payload, when the mail must say what the code is for (a withdrawal's
   * amount and destination). Core checks it hashes to `digest` before using it.
   */
  payload: z.record(z.string(), z.unknown()).optional(),
  client: clientContextSchema,
});
export const issueAuthCodeResponseSchema = z.object({
  destination: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});

export const verifyStepUpCoreRequestSchema = z.strictObject({
  operation: stepUpOperationSchema,
  digest: operationDigestSchema,
  executionPassword: executionPasswordInputSchema.optional(),
  authCode: authCodeSchema.optional(),
  client: clientContextSchema,
});
export const verifyStepUpResponseSchema = z.object({ verified: z.literal(true) });

export const changeProfileCoreRequestSchema = z.strictObject({
  change: profileChangeSchema,
  client: clientContextSchema,
});
export const changeEmailCoreRequestSchema = z.strictObject({ change: emailChangeSchema, client: clientContextSchema });
export const changeMailSettingCoreRequestSchema = z.strictObject({
  change: mailSettingChangeSchema,
  client: clientContextSchema,
});
/** The BFF's Idempotency-Key, passed on so a retried request executes once (R26). */
const requestKeySchema = z.string().check(usableCharacters()).min(16).max(128);

export const createWithdrawalCoreRequestSchema = z.strictObject({
  request: withdrawalRequestSchema,
  /**
   * The BFF's idempotency key: the same key never creates a second withdrawal (R26); with
   * another request (or operation) it is refused with 422 idempotency_key_reused.
   */
  requestKey: requestKeySchema,
  client: clientContextSchema,
});
export const orderPathSchema = z.strictObject({ customerId: customerIdSchema, orderNumber: orderNumberSchema });
export const placeOrderCoreRequestSchema = z.strictObject({
  request: orderRequestSchema,
  /** The BFF's idempotency key: the same key never places a second order (R26); see createWithdrawal's. */
  requestKey: requestKeySchema,
  client: clientContextSchema,
});
export const modifyOrderCoreRequestSchema = z.strictObject({
  request: modifyOrderRequestSchema,
  requestKey: requestKeySchema,
  client: clientContextSchema,
});
export const cancelOrderCoreRequestSchema = z.strictObject({
  requestKey: requestKeySchema,
  client: clientContextSchema,
});

export const requestBankAccountChangeCoreRequestSchema = z.strictObject({
  change: bankAccountChangeSchema,
  client: clientContextSchema,
});

export const applyMarginAccountCoreRequestSchema = z.strictObject({
  application: marginAccountApplicationSchema,
  client: clientContextSchema,
});

interface RouteDescriptor {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: `/${string}`;
  summary: string;
  params?: z.ZodType<Record<string, string>>;
  query?: z.ZodType<Record<string, string>>;
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
    errors: [404, 409, 429],
  },
  verifyStepUp: {
    method: "post",
    path: "/v1/customers/{customerId}/step-up-verifications",
    summary: "Verify the confirmation of one operation: execution password (lock counter) and 認証コード",
    params: customerPathSchema,
    body: verifyStepUpCoreRequestSchema,
    response: verifyStepUpResponseSchema,
    errors: [404, 410, 422, 423],
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
    response: profileSchema,
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
    response: withdrawalSchema,
    errors: [404, 409, 422],
  },
  listWithdrawals: {
    method: "get",
    path: "/v1/customers/{customerId}/withdrawals",
    summary: "Past withdrawal requests, newest first",
    params: customerPathSchema,
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
  applyMarginAccount: {
    method: "post",
    path: "/v1/customers/{customerId}/margin-account-applications",
    summary: "信用取引口座開設の申込 (R41): 未開設 → 審査中 until an operator decides; mails the receipt",
    params: customerPathSchema,
    body: applyMarginAccountCoreRequestSchema,
    response: marginAccountApplicationViewSchema,
    errors: [404, 409],
  },
  listInstruments: {
    method: "get",
    path: "/v1/instruments",
    summary: "Stocks and mutual funds with current prices (simulated market) and daily limits",
    response: instrumentListSchema,
  },
  placeOrder: {
    method: "post",
    path: "/v1/customers/{customerId}/orders",
    summary: "Place a stock (cash/margin) or fund order; market orders fill at once (R17, R18)",
    params: customerPathSchema,
    body: placeOrderCoreRequestSchema,
    response: orderSchema,
    errors: [404, 422],
  },
  modifyOrder: {
    method: "put",
    path: "/v1/customers/{customerId}/orders/{orderNumber}",
    summary: "訂正 of an open limit order (price, quantity)",
    params: orderPathSchema,
    body: modifyOrderCoreRequestSchema,
    response: orderSchema,
    errors: [404, 409, 422],
  },
  cancelOrder: {
    method: "post",
    path: "/v1/customers/{customerId}/orders/{orderNumber}/cancellation",
    summary: "取消 of an open order; exactly one of cancel and fill wins",
    params: orderPathSchema,
    body: cancelOrderCoreRequestSchema,
    response: orderSchema,
    errors: [404, 409, 422],
  },
  listOrders: {
    method: "get",
    path: "/v1/customers/{customerId}/orders",
    summary: "注文照会: open and past orders, newest first",
    params: customerPathSchema,
    response: orderListSchema,
    errors: [404],
  },
  getBalances: {
    method: "get",
    path: "/v1/customers/{customerId}/balances",
    summary: "残高照会: cash, buying power, positions, margin positions, fund holdings",
    params: customerPathSchema,
    response: balancesSchema,
    errors: [404],
  },
} as const satisfies Record<string, RouteDescriptor>;

export type CoreRoutes = typeof coreRoutes;
export type CoreRouteName = keyof CoreRoutes;
export { errorBodySchema };

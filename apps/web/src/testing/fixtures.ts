import { sessionSchema } from "@kakunin/contracts/auth";
import { credentialStatusSchema } from "@kakunin/contracts/credentials";
import { loginHistorySchema, noticeListSchema, previousLoginSchema } from "@kakunin/contracts/customers";
import { errorBody } from "@kakunin/contracts/error-body";
import { type ErrorCode, errorBodySchema } from "@kakunin/contracts/errors";
import { exampleCashOnlyBalances, exampleProfileChange, exampleStockOrder } from "@kakunin/contracts/examples";
import { mailSettingsSchema } from "@kakunin/contracts/mail";
import { marginAccountApplicationViewSchema } from "@kakunin/contracts/margin-accounts";
import {
  type AuthenticationResponse,
  authenticationResponseSchema,
  passkeyRequestOptionsSchema,
} from "@kakunin/contracts/passkeys";
import {
  accountOpeningListSchema,
  profileChangeReceiptSchema,
  profileSchema,
  registeredEmailsSchema,
} from "@kakunin/contracts/registered-info";
import { stepUpChallengeSchema } from "@kakunin/contracts/step-up";
import { balancesSchema, instrumentListSchema, orderListSchema, orderSchema } from "@kakunin/contracts/trading";
import {
  bankAccountChangeViewSchema,
  withdrawalListSchema,
  withdrawalOverviewSchema,
  withdrawalReceiptSchema,
} from "@kakunin/contracts/withdrawals";
import type { z } from "zod";

/**
 * API fixtures shared by the unit tests (src/testing/mock-api.ts) and the Storybook MSW
 * handlers (src/testing/msw-handlers.ts). Each one is checked against its contract schema
 * when this module loads, so neither the tests nor the stories can drift from the API.
 * Dates are fixed; nothing here is random.
 */
function checked<T>(schema: z.ZodType, value: T): T {
  schema.parse(value);
  return value;
}

/** The fixed "now" of every fixture (16:04:05 JST). */
export const FIXED_NOW = "2026-11-25T07:04:05.000Z";

export const authenticatedSession = checked(sessionSchema, {
  authenticated: true,
  customer: { customerCode: "1000001", name: "山田 太郎" },
  idleExpiresAt: "2026-11-25T07:34:05.000Z",
  absoluteExpiresAt: "2026-11-25T15:04:05.000Z",
  serverTime: "2026-11-25T07:04:05.000Z",
} as const);

export const anonymousSession = checked(sessionSchema, { authenticated: false } as const);

type CredentialStatusOverrides = {
  executionPassword?: Partial<{
    isInitial: boolean;
    changedAt: string | null;
    remainingAttempts: number;
    locked: boolean;
  }>;
  schedule?: Partial<{ now: string; phase: "before_registration" | "registration" | "enforced" }>;
};

/** GET /api/me/credentials: by default after enforcement (as the demo data), initial password, no failures. */
export function credentialStatus(overrides: CredentialStatusOverrides = {}) {
  return checked(credentialStatusSchema, {
    executionPassword: {
      isInitial: true,
      changedAt: null,
      remainingAttempts: 9,
      locked: false,
      ...overrides.executionPassword,
    },
    schedule: {
      registrationFrom: "2022-08-21T15:00:00.000Z",
      enforcedFrom: "2022-09-18T09:00:00.000Z",
      now: FIXED_NOW,
      phase: "enforced",
      ...overrides.schedule,
    },
    supportContact: { phone: "0120-000-000", hours: "平日 8:30〜17:00" },
  } as const);
}

export type StepUpMethodName = "execution_password" | "passkey" | "auth_code";

/** The body of a BFF error (contract's errorBody, checked against errorBodySchema). */
export function errorBodyFixture(code: ErrorCode, extra: Parameters<typeof errorBody>[1] = {}) {
  return checked(errorBodySchema, errorBody(code, extra));
}

/** Body of 403 step_up_required as the BFF sends it (R35). */
export function stepUpRequiredBody(
  methods: StepUpMethodName[] = ["execution_password"],
  operation = "view_registered_info",
  maxAgeSeconds = 300,
) {
  return errorBodyFixture("step_up_required", { stepUp: { operation, methods, maxAgeSeconds } });
}

/** PublicKeyCredentialRequestOptionsJSON as core builds them (a step-up's or a login's). */
export const demoPasskeyRequestOptions = checked(passkeyRequestOptionsSchema, {
  challenge: "a2FrdW5pbi1zdGVwLXVwLWRlbW8tY2hhbGxlbmdl",
  rpId: "localhost",
  timeout: 300000,
  userVerification: "required",
  allowCredentials: [],
});

/** An assertion as startAuthentication answers it (the shape the contract accepts). */
export const demoPasskeyAssertion: AuthenticationResponse = checked(authenticationResponseSchema, {
  id: "Y3JlZGVudGlhbC0x",
  rawId: "Y3JlZGVudGlhbC0x",
  type: "public-key",
  response: {
    clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0",
    authenticatorData: "SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MFAAAAAQ",
    signature: "MEUCIQDdemo",
    userHandle: "AAECAwQFBgcICQoLDA0ODw",
  },
  clientExtensionResults: {},
  authenticatorAttachment: "platform",
});

/** Body of POST /api/step-up/challenges → 200. */
export function stepUpChallengeBody(
  methods: StepUpMethodName[] = ["execution_password"],
  {
    operation = "view_registered_info",
    codeSentTo = null as string | null,
    codeReused = undefined as { sentAt: string; resendAt: string } | undefined,
  } = {},
) {
  return checked(stepUpChallengeSchema, {
    operation,
    methods,
    codeSentTo: methods.includes("auth_code") ? (codeSentTo ?? "t***@example.jp") : null,
    ...(codeReused ? { codeReused } : {}),
    passkeyOptions: methods.includes("passkey") ? demoPasskeyRequestOptions : null,
    expiresAt: "2026-11-25T07:14:05.000Z",
  });
}

/** GET /api/me/profile: 山田 太郎 of the demo data. */
export const demoProfile = checked(profileSchema, {
  customerCode: "1000001",
  name: "山田 太郎",
  nameKana: "ヤマダ タロウ",
  birthDate: "1980-01-15",
  ...exampleProfileChange,
  bankAccount: {
    bankName: "三井住友銀行",
    branchName: "渋谷支店",
    accountType: "普通",
    accountNumberMasked: "****567",
    holderKana: "ヤマダ タロウ",
  },
} as const);

/** GET /api/me/notices: the initial execution password notice of the demo data. */
export const demoNotices = checked(noticeListSchema, {
  notices: [
    {
      id: "n1",
      kind: "important",
      title: "執行パスワードのご案内",
      body: "初期執行パスワード: Ume4k9",
      publishedAt: "2026-11-25T00:00:00Z",
    },
  ],
} as const);

export const demoLoginHistory = checked(loginHistorySchema, {
  entries: [
    {
      at: "2026-11-25T07:04:05Z",
      outcome: "success",
      ipAddress: "203.0.113.5",
      userAgent:
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    },
    { at: "2026-11-24T23:59:59Z", outcome: "failure", ipAddress: null, userAgent: null },
  ],
  nextCursor: null,
} as const);

export const demoInstruments = checked(instrumentListSchema, {
  instruments: [
    {
      code: "7203",
      name: "トヨタ自動車",
      kind: "stock",
      lotSize: 100,
      price: 2500,
      previousClose: 2480,
      limitUp: 2980,
      limitDown: 1980,
      updatedAt: FIXED_NOW,
    },
    {
      code: "F001",
      name: "かくにん日本株インデックス",
      kind: "fund",
      lotSize: 1,
      price: 15000,
      previousClose: 14950,
      limitUp: null,
      limitDown: null,
      updatedAt: FIXED_NOW,
    },
  ],
} as const);

export const demoBalances = checked(balancesSchema, {
  cash: 3_000_000,
  buyingPower: 2_500_000,
  positions: [
    {
      code: "7203",
      name: "トヨタ自動車",
      quantity: 200,
      reservedQuantity: 0,
      averagePrice: 2400,
      price: 2500,
      marketValue: 500_000,
      unrealizedPnl: 20_000,
    },
  ],
  marginPositions: [
    {
      id: "m1",
      code: "7203",
      name: "トヨタ自動車",
      side: "buy",
      quantity: 100,
      openPrice: 2550,
      price: 2500,
      unrealizedPnl: -5000,
      requiredMargin: 76_500,
    },
  ],
  fundHoldings: [
    { code: "F001", name: "かくにん日本株インデックス", units: 100_000, nav: 15000, marketValue: 150_000 },
  ],
  totalValuation: 3_650_000,
  marginAccountOpen: true,
} as const);

/** GET /api/me/balances of a customer whose 信用取引口座 is not 開設済 (審査中 or 未開設). */
export const noMarginAccountBalances = checked(balancesSchema, {
  ...demoBalances,
  marginPositions: [],
  marginAccountOpen: false,
} as const);

/** GET /api/me/balances of a customer who has only deposited cash. */
export const cashOnlyBalances = checked(balancesSchema, {
  ...exampleCashOnlyBalances,
  marginAccountOpen: demoBalances.marginAccountOpen,
});

/** An open limit order to buy 100 shares of 7203. */
export const openOrder = checked(orderSchema, {
  ...exampleStockOrder,
  orderNumber: "O00000001",
  instrumentName: "トヨタ自動車",
  amount: null,
  units: null,
  limitPrice: 2400,
  status: "open",
  filledPrice: null,
  filledQuantity: null,
  filledAt: null,
  createdAt: FIXED_NOW,
  updatedAt: FIXED_NOW,
} as const);

export const filledOrder = checked(orderSchema, {
  ...openOrder,
  orderNumber: "O00000002",
  priceType: "market",
  limitPrice: null,
  status: "filled",
  filledPrice: 2500,
  filledQuantity: 100,
  filledAt: FIXED_NOW,
} as const);

export const demoOrders = checked(orderListSchema, { orders: [openOrder, filledOrder], nextCursor: null });

/** PUT /api/me/orders/O00000001 → the open order after 訂正 to 200 shares at ¥2,450. */
export const modifiedOrder = checked(orderSchema, { ...openOrder, quantity: 200, limitPrice: 2450 } as const);

/** POST /api/me/orders/O00000001/cancel → the order after 取消. */
export const cancelledOrder = checked(orderSchema, { ...openOrder, status: "cancelled" } as const);

export const bankAccountId = "0b9d6c1e-5f3a-4c2b-9a1d-2e3f4a5b6c7d";

export const demoBankAccount = {
  id: bankAccountId,
  bankName: "三井住友銀行",
  branchName: "渋谷支店",
  accountType: "普通",
  accountNumberMasked: "****567",
  holderKana: "ヤマダ タロウ",
} as const;

export const demoWithdrawalOverview = checked(withdrawalOverviewSchema, {
  withdrawable: 1_000_000,
  bankAccount: demoBankAccount,
  pendingBankAccountChange: null,
});

/** POST /api/me/withdrawals → the accepted 出金 of ¥100,000. */
export const acceptedWithdrawal = checked(withdrawalReceiptSchema, {
  requestNumber: "W20261125-0001",
  amount: 100_000,
  bankName: "三井住友銀行",
  branchName: "渋谷支店",
  accountType: "普通",
  accountNumberMasked: "****567",
  status: "受付済",
  requestedAt: FIXED_NOW,
  notificationSentTo: "t***@example.jp",
} as const);

/** GET /api/session after the session timed out. */
export const expiredSession = checked(sessionSchema, { authenticated: false, reason: "session_expired" } as const);

/** GET /api/me/emails: both addresses of the demo data. */
export const demoRegisteredEmails = checked(registeredEmailsSchema, {
  addresses: [
    { position: 1, address: "taro@example.jp" },
    { position: 2, address: "taro.m@example.jp" },
  ],
} as const);

/** GET /api/me/mail-settings: only 取引(約定)通知 on, everything to the first address. */
export const demoMailSettings = checked(mailSettingsSchema, {
  addresses: demoRegisteredEmails.addresses,
  settings: [
    { type: "login_notification", label: "ログイン通知", enabled: false, destination: 1 },
    { type: "trade_execution", label: "取引(約定)通知", enabled: true, destination: 1 },
    { type: "fund_execution", label: "投信約定通知メール", enabled: false, destination: 1 },
    { type: "withdrawal_completed", label: "出金申込完了通知メール", enabled: false, destination: 1 },
    { type: "account_info_changed", label: "口座情報変更完了通知メール", enabled: false, destination: 1 },
    { type: "withdrawal_auth_code", label: "出金認証コード通知メール", enabled: false, destination: 1 },
    { type: "view_auth_code", label: "照会用認証コード", enabled: false, destination: 1 },
  ],
} as const);

/** GET /api/me/account-openings: one of each status. */
export const demoAccountOpenings = checked(accountOpeningListSchema, {
  accounts: [
    { kind: "総合口座", status: "開設済", appliedOn: "2020-04-01", openedOn: "2020-04-08" },
    { kind: "特定口座", status: "開設済", appliedOn: "2020-04-01", openedOn: "2020-04-08" },
    { kind: "NISA口座", status: "審査中", appliedOn: "2026-11-20", openedOn: null },
    { kind: "信用取引口座", status: "未開設", appliedOn: null, openedOn: null },
  ],
} as const);

/** A 出金先口座変更 still 申請中 (to みずほ銀行). */
export const pendingBankAccountChange = checked(bankAccountChangeViewSchema, {
  id: "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b",
  status: "申請中",
  requestedAt: "2026-11-24T01:00:00.000Z",
  decidedAt: null,
  bankName: "みずほ銀行",
  branchName: "新宿支店",
  accountType: "普通",
  accountNumberMasked: "****321",
  holderKana: "ヤマダ タロウ",
} as const);

/** GET /api/me/withdrawals: one request of each status, newest first. */
export const demoWithdrawals = checked(withdrawalListSchema, {
  withdrawals: [
    acceptedWithdrawal,
    {
      ...acceptedWithdrawal,
      requestNumber: "W20261120-0001",
      amount: 50_000,
      status: "完了",
      requestedAt: "2026-11-20T02:00:00.000Z",
    },
    {
      ...acceptedWithdrawal,
      requestNumber: "W20261118-0002",
      amount: 30_000,
      status: "取消",
      requestedAt: "2026-11-18T05:30:00.000Z",
    },
  ],
  nextCursor: null,
} as const);

/** POST /api/me/orders for 投資信託: a ¥10,000 buy of F001, at the next NAV. */
export const fundOrder = checked(orderSchema, {
  ...openOrder,
  orderNumber: "O00000003",
  kind: "fund",
  instrumentCode: "F001",
  instrumentName: "かくにん日本株インデックス",
  account: null,
  quantity: null,
  amount: 10_000,
  priceType: null,
  limitPrice: null,
} as const);

/** PUT /api/me/profile → the profile after a move (new 郵便番号, 住所 and 電話番号). */
export const changedProfile = checked(profileChangeReceiptSchema, {
  ...demoProfile,
  postalCode: "160-0022",
  address: "東京都新宿区新宿3-1-1",
  phone: "080-9876-5432",
  notificationSentTo: "t***@example.jp",
} as const);

/** PUT /api/me/emails → メールアドレス2 changed to taro.new@example.jp. */
export const changedRegisteredEmails = checked(registeredEmailsSchema, {
  addresses: [
    { position: 1, address: "taro@example.jp" },
    { position: 2, address: "taro.new@example.jp" },
  ],
} as const);

/** PUT /api/me/mail-settings → 出金認証コード通知メール turned on for メールアドレス2 (the notice's example). */
export const withdrawalCodeOnMailSettings = checked(mailSettingsSchema, {
  ...demoMailSettings,
  settings: demoMailSettings.settings.map((setting) =>
    setting.type === "withdrawal_auth_code" ? { ...setting, enabled: true, destination: 2 } : setting,
  ),
});

/** POST /api/me/margin-account-applications: the application received, 審査中 (R41). */
export const marginAccountApplied = checked(marginAccountApplicationViewSchema, {
  id: "5d1c7a2e-3b4f-4c6d-8e9f-0a1b2c3d4e5f",
  status: "審査中",
  appliedAt: "2026-11-25T07:04:05.000Z",
  stockExperience: "1〜3年",
  annualIncome: "500〜1,000万円",
  financialAssets: "300〜1,000万円",
} as const);

/** 前回ログイン (R42): the login before the current session's, in Chrome on Windows. */
export const demoPreviousLogin = checked(previousLoginSchema, {
  previousLogin: {
    at: "2026-11-24T01:02:03Z",
    outcome: "success",
    ipAddress: "198.51.100.7",
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  },
} as const);

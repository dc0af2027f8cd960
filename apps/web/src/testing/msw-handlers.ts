import type { ErrorCode } from "@kakunin/contracts/errors";
import { delay, type HttpHandler, HttpResponse, http, type JsonBodyType } from "msw";
import {
  acceptedWithdrawal,
  anonymousSession,
  authenticatedSession,
  cancelledOrder,
  changedProfile,
  changedRegisteredEmails,
  credentialStatus,
  demoAccountOpenings,
  demoBalances,
  demoInstruments,
  demoLoginHistory,
  demoMailSettings,
  demoNotices,
  demoOrders,
  demoPasskeyRequestOptions,
  demoPreviousLogin,
  demoProfile,
  demoRegisteredEmails,
  demoWithdrawalOverview,
  errorBodyFixture,
  expiredSession,
  modifiedOrder,
  openOrder,
  pendingBankAccountChange,
  type StepUpMethodName,
  stepUpChallengeBody,
  stepUpRequiredBody,
  withdrawalCodeOnMailSettings,
} from "./fixtures.ts";
import { tradingNotStopped, tradingStopped } from "./trading-stop-fixtures.ts";

/**
 * MSW handlers for Storybook, built from the same contract-checked fixtures as the unit
 * tests (fixtures.ts). Stories override one entry by its key, e.g.
 * `parameters: { msw: { handlers: { notices: loading("get", "/api/me/notices") } } }`.
 */
export type Method = "get" | "post" | "put" | "delete";
export type HandlerMap = Record<string, HttpHandler | HttpHandler[]>;

/** A BFF error with the contract's body. */
export function apiError(
  method: Method,
  path: string,
  status: number,
  code: ErrorCode,
  extra: Parameters<typeof errorBodyFixture>[1] = {},
): HttpHandler {
  return http[method](path, () => HttpResponse.json(errorBodyFixture(code, extra), { status }));
}

/** The request never answers: the screen stays in its loading state. */
export function loading(method: Method, path: string): HttpHandler {
  return http[method](path, async () => {
    await delay("infinite");
    return new HttpResponse(null, { status: 204 });
  });
}

/** 503 upstream_unavailable (retryable: the query client retries, then shows the outage). */
export function upstreamUnavailable(method: Method, path: string): HttpHandler {
  return apiError(method, path, 503, "upstream_unavailable");
}

/** 403 step_up_required for a guarded call. */
export function stepUpRequired(
  method: Method,
  path: string,
  methods: StepUpMethodName[] = ["execution_password"],
  operation = "view_registered_info",
): HttpHandler {
  return http[method](path, () => HttpResponse.json(stepUpRequiredBody(methods, operation), { status: 403 }));
}

/** POST /api/step-up/challenges → the challenge for `methods`. */
export function stepUpChallenge(
  methods: StepUpMethodName[] = ["execution_password"],
  operation = "view_registered_info",
): HttpHandler {
  return http.post("/api/step-up/challenges", () =>
    HttpResponse.json(stepUpChallengeBody(methods, { operation, codeSentTo: null })),
  );
}

/** 422 wrong_execution_password with the tries left before the lock. */
export function wrongPassword(remaining: number, method: Method = "post", path = "/api/step-up/verifications") {
  return apiError(method, path, 422, "wrong_execution_password", { remainingAttempts: remaining });
}

/** 422 wrong_auth_code with the entries left for this code. */
export function wrongCode(remaining: number) {
  return apiError("post", "/api/step-up/verifications", 422, "wrong_auth_code", { remainingCodeAttempts: remaining });
}

/** 423 account_locked. */
export function locked(method: Method = "post", path = "/api/step-up/verifications"): HttpHandler {
  return apiError(method, path, 423, "account_locked");
}

/** GET /api/me/credentials with overrides (banner states, lock). */
export function credentials(overrides: Parameters<typeof credentialStatus>[0] = {}): HttpHandler {
  return http.get("/api/me/credentials", () => HttpResponse.json(credentialStatus(overrides)));
}

/**
 * An execution password locked before the screen opened (R8): the status says so, and the
 * BFF refuses to open a confirmation (no code is mailed) or to verify one.
 */
export const lockedAccount: HandlerMap = {
  credentials: credentials({ executionPassword: { locked: true, remainingAttempts: 0 } }),
  stepUpChallenge: locked("post", "/api/step-up/challenges"),
  stepUpVerification: locked(),
};

/**
 * The session times out just before the call `key` (`method path`): that call answers 401
 * session_expired, and the next GET /api/session reports the timeout as the BFF does, so the
 * login screen shows why. Reported once, so the story starts afresh when opened again.
 */
export function sessionExpiresAt(key: string, method: Method, path: string): HandlerMap {
  let expired = false;
  return {
    session: http.get("/api/session", () => {
      if (!expired) return HttpResponse.json(authenticatedSession);
      expired = false;
      return HttpResponse.json(expiredSession);
    }),
    [key]: http[method](path, () => {
      expired = true;
      return HttpResponse.json(errorBodyFixture("session_expired"), { status: 401 });
    }),
  };
}

export function getJson(path: string, body: JsonBodyType): HttpHandler {
  return http.get(path, () => HttpResponse.json(body));
}

/**
 * A list read a page at a time (issue 16): the first page names `page-1` as its nextCursor,
 * `?cursor=page-N` answers page N, and the last page names none, as core's lists do.
 */
export function pagedJson(path: string, pages: readonly Record<string, JsonBodyType>[]): HttpHandler {
  return http.get(path, ({ request }) => {
    const cursor = new URL(request.url).searchParams.get("cursor");
    const index = cursor === null ? 0 : Number(cursor.replace(/^page-/, ""));
    const page = pages[index];
    if (!page)
      return HttpResponse.json({ error: { code: "validation_failed", message: "不明な位置です。" } }, { status: 400 });
    return HttpResponse.json({ ...page, nextCursor: index + 1 < pages.length ? `page-${index + 1}` : null });
  });
}

/** A logged-in 山田 太郎 of the demo data, every read answering with its fixture. */
export const defaultHandlers: HandlerMap = {
  session: getJson("/api/session", authenticatedSession),
  login: http.post("/api/session", () => HttpResponse.json(authenticatedSession)),
  // The login screen asks for them on arrival when the browser offers passkeys in autofill.
  passkeyLoginOptions: http.post("/api/session/passkey-options", () => HttpResponse.json(demoPasskeyRequestOptions)),
  passkeyLogin: http.post("/api/session/passkey", () => HttpResponse.json(authenticatedSession)),
  logout: http.delete("/api/session", () => new HttpResponse(null, { status: 204 })),
  credentials: credentials(),
  notices: getJson("/api/me/notices", demoNotices),
  loginHistory: getJson("/api/me/login-history", demoLoginHistory),
  profile: getJson("/api/me/profile", demoProfile),
  instruments: getJson("/api/market/instruments", demoInstruments),
  balances: getJson("/api/me/balances", demoBalances),
  orders: getJson("/api/me/orders", demoOrders),
  // Issue 17 B2: core's check before 注文内容の確認; the order may be confirmed.
  checkOrder: http.post("/api/me/order-checks", () => HttpResponse.json({ ok: true })),
  checkOrderModification: http.post("/api/me/orders/:orderNumber/modification-checks", () =>
    HttpResponse.json({ ok: true }),
  ),
  placeOrder: http.post("/api/me/orders", () => HttpResponse.json(openOrder)),
  modifyOrder: http.put("/api/me/orders/:orderNumber", () => HttpResponse.json(modifiedOrder)),
  cancelOrder: http.post("/api/me/orders/:orderNumber/cancel", () => HttpResponse.json(cancelledOrder)),
  withdrawalOverview: getJson("/api/me/withdrawals/overview", demoWithdrawalOverview),
  withdrawals: getJson("/api/me/withdrawals", { withdrawals: [acceptedWithdrawal], nextCursor: null }),
  createWithdrawal: http.post("/api/me/withdrawals", () => HttpResponse.json(acceptedWithdrawal)),
  stepUpChallenge: stepUpChallenge(),
  stepUpVerification: http.post("/api/step-up/verifications", () => new HttpResponse(null, { status: 204 })),
  executionPassword: http.put("/api/me/execution-password", () =>
    HttpResponse.json({ changedAt: "2026-11-25T07:04:05.000Z" }),
  ),
  loginPassword: http.put("/api/me/login-password", () => HttpResponse.json({ changedAt: "2026-11-25T07:04:05.000Z" })),
  // The registered-info reads answer as within the step-up window (override with stepUpRequired).
  emails: getJson("/api/me/emails", demoRegisteredEmails),
  accountOpenings: getJson("/api/me/account-openings", demoAccountOpenings),
  mailSettings: getJson("/api/me/mail-settings", demoMailSettings),
  changeMailSetting: http.put("/api/me/mail-settings", () => HttpResponse.json(withdrawalCodeOnMailSettings)),
  changeProfile: http.put("/api/me/profile", () => HttpResponse.json(changedProfile)),
  changeEmail: http.put("/api/me/emails", () => HttpResponse.json(changedRegisteredEmails)),
  bankAccountChange: http.post("/api/me/bank-account-changes", () => HttpResponse.json(pendingBankAccountChange)),
  tradingStop: getJson("/api/me/trading-stop", tradingNotStopped),
  stopTrading: http.post("/api/me/trading-stop", () => HttpResponse.json(tradingStopped)),
  // R39: the 口座名義 is the customer's own; R42: 前回ログイン on 会員トップ.
  bankAccountChangeCheck: http.post("/api/me/bank-account-change-checks", () => HttpResponse.json({ ok: true })),
  previousLogin: getJson("/api/me/previous-login", demoPreviousLogin),
  // R36: the language switch in every header saves the choice; the page reads it on load.
  locale: getJson("/api/locale", { locale: "ja" }),
  updateLocale: http.put("/api/locale", async ({ request }) => HttpResponse.json(await request.json())),
};

/** Nobody logged in (the login screen's starting point). */
export const anonymous: HandlerMap = {
  session: getJson("/api/session", anonymousSession),
};

/** Any /api call no handler answers fails loudly, so a story cannot silently miss its data. */
export const unhandledApi = http.all("/api/*", ({ request }) => {
  console.error(`[msw] no handler for ${request.method} ${new URL(request.url).pathname}`);
  return HttpResponse.json(errorBodyFixture("internal_error"), { status: 500 });
});

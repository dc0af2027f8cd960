import {
  cancelOrderCoreRequestSchema,
  changeExecutionPasswordCoreRequestSchema,
  changeLocaleCoreRequestSchema,
  changeLoginPasswordCoreRequestSchema,
  changeProfileCoreRequestSchema,
  coreRoutes,
  createWithdrawalCoreRequestSchema,
  issueAuthCodeRequestSchema,
  placeOrderCoreRequestSchema,
  type RecordLoginThrottleRequest,
  recordLoginThrottleRequestSchema,
  verifyLoginRequestSchema,
  verifyStepUpCoreRequestSchema,
} from "@kakunin/contracts/core-api";
import { errorBody } from "@kakunin/contracts/error-body";
import { type ErrorBody, type ErrorCode, errorBodySchema } from "@kakunin/contracts/errors";
import type { Locale } from "@kakunin/contracts/locale";
import { encodeCursor } from "@kakunin/contracts/pagination";
import type { StepUpMethod } from "@kakunin/contracts/step-up";
import { Hono } from "hono";
import { pino } from "pino";
import type { z } from "zod";
import { createApp } from "../app.ts";
import { createCoreClient } from "../lib/core-client.ts";
import { MemoryIdempotencyStore } from "../lib/idempotency.ts";
import type { LoginPacer } from "../lib/login-pacer.ts";
import { LoginThrottle, type ThrottleOptions } from "../lib/login-throttle.ts";
import { MemoryChallengeStore } from "../lib/passkeys/challenge-store.ts";
import { MemorySessionStore } from "../lib/session-store.ts";
import { CookieBox, type CookieKey } from "../lib/step-up/cookie-box.ts";
import { stepUpBindingKey } from "../lib/step-up/digest.ts";
import { MemorySingleUseStore } from "../lib/step-up/single-use.ts";
import type { BffConfig, BffDeps } from "../lib/types.ts";
import { installFakeNewDevices } from "./fake-new-devices.ts";
import { installFakeOwnName } from "./fake-own-name.ts";
import { installFakePasskeys } from "./fake-passkeys.ts";
import { installFakeSessionEvents } from "./fake-session-events.ts";
import { installFakeTradingStop } from "./fake-trading-stop.ts";

export const ORIGIN = "http://localhost:8080";
const SERVICE_TOKEN = "test-only-service-token-0123456789";

interface FakeCustomer {
  id: string;
  customerCode: string;
  name: string;
  password: string;
  /** The language the customer chose (R36), as core stores it; Japanese when not given. */
  locale?: Locale;
}

/** What the fake core's lists answer as their first page's `nextCursor` (valid cursors). */
export const FAKE_ORDER_CURSOR = encodeCursor({ at: "1764028800000000", key: "O00000001" });
export const FAKE_LOGIN_CURSOR = encodeCursor({ at: "1764028800000000", key: "42" });

/**
 * A stand-in for core that speaks the contract (paths from `coreRoutes`, bodies checked
 * with the contract's schemas) and records what the BFF sent it.
 */
export function createFakeCore() {
  const customers: FakeCustomer[] = [
    {
      id: "6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a01",
      customerCode: "1000001",
      name: "山田 太郎",
      password: "Kiso8pine3",
      locale: "ja",
    },
  ];
  const received: Request[] = [];
  /**
   * `down`: core unreachable; `auditDown`: only the throttle report fails (500);
   * `hashRefusal`: core's hash gate refuses every password check (busy 503 / attempt_in_progress 429).
   */
  const state: {
    down: boolean;
    auditDown: boolean;
    hashRefusal?: { status: 429 | 503; code: ErrorCode; retryAfter: number } | undefined;
    /** Customer codes whose right password core answers with 403 passkey_login_required (policy). */
    passkeyLoginRequired: Set<string>;
  } = { down: false, auditDown: false, passkeyLoginRequired: new Set() };
  const app = new Hono();
  app.use(async (c, next) => {
    received.push(c.req.raw.clone());
    if (c.req.header("authorization") !== `Bearer ${SERVICE_TOKEN}`) {
      return c.json(errorBody("unauthenticated"), 401);
    }
    await next();
  });
  const toHono = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");
  const passwordChecks = [
    coreRoutes.verifyLogin,
    coreRoutes.verifyStepUp,
    coreRoutes.verifyExecutionPassword,
    coreRoutes.changeExecutionPassword,
    coreRoutes.changeLoginPassword,
  ];
  for (const route of passwordChecks) {
    app.on(route.method.toUpperCase(), toHono(route.path), async (c, next) => {
      const refusal = state.hashRefusal;
      if (!refusal) return next();
      c.header("retry-after", String(refusal.retryAfter));
      return c.json(errorBody(refusal.code), refusal.status);
    });
  }
  const newDevices = installFakeNewDevices(app, (code) => customers.find((x) => x.customerCode === code));
  app.post(toHono(coreRoutes.verifyLogin.path), async (c) => {
    const body = verifyLoginRequestSchema.parse(await c.req.json());
    const found = customers.find((x) => x.customerCode === body.customerCode && x.password === body.password);
    if (!found) return c.json(errorBody("invalid_credentials"), 422);
    if (state.passkeyLoginRequired.has(found.customerCode)) return c.json(errorBody("passkey_login_required"), 403);
    const deviceRefusal = newDevices.refusal(found.customerCode, body.deviceHash);
    if (deviceRefusal) return c.json(deviceRefusal, 403);
    return c.json({
      customer: { id: found.id, customerCode: found.customerCode, name: found.name },
      locale: found.locale ?? "ja",
    });
  });
  app.put(toHono(coreRoutes.changeCustomerLocale.path), async (c) => {
    const customer = customers.find((x) => x.id === c.req.param("customerId"));
    if (!customer) return c.json(errorBody("not_found"), 404);
    customer.locale = changeLocaleCoreRequestSchema.parse(await c.req.json()).locale;
    return c.json({ locale: customer.locale });
  });
  /** Each time the BFF reported its login throttle engaging. */
  const throttleReports: RecordLoginThrottleRequest[] = [];
  app.post(toHono(coreRoutes.recordLoginThrottle.path), async (c) => {
    if (state.auditDown) return c.json(errorBody("internal_error"), 500);
    throttleReports.push(recordLoginThrottleRequestSchema.parse(await c.req.json()));
    return c.json({ recorded: true });
  });
  const byId = (id: string) => customers.find((x) => x.id === id);
  app.get(toHono(coreRoutes.listNotices.path), (c) => {
    if (!byId(c.req.param("customerId") ?? "")) return c.json(errorBody("not_found"), 404);
    return c.json({
      notices: [
        { id: "n1", kind: "important", title: "お知らせ", body: "本文", publishedAt: "2022-08-22T00:00:00.000Z" },
      ],
    });
  });
  const state2 = { executionPassword: "Rk7m2x", attempts: 0 };
  app.get(toHono(coreRoutes.getCredentialStatus.path), (c) =>
    c.json({
      executionPassword: {
        isInitial: false,
        changedAt: null,
        remainingAttempts: 9 - state2.attempts,
        locked: state2.attempts >= 9,
      },
      schedule: {
        registrationFrom: "2022-08-21T15:00:00.000Z",
        enforcedFrom: "2022-09-18T09:00:00.000Z",
        now: "2026-11-25T00:00:00.000Z",
        phase: "enforced",
      },
      supportContact: { phone: "0120-000-000", hours: "平日 8:30〜17:00" },
    }),
  );
  app.put(toHono(coreRoutes.changeExecutionPassword.path), async (c) => {
    const body = changeExecutionPasswordCoreRequestSchema.parse(await c.req.json());
    if (body.request.currentPassword !== state2.executionPassword) {
      state2.attempts++;
      return c.json(errorBody("wrong_execution_password", { remainingAttempts: 9 - state2.attempts }), 422);
    }
    state2.executionPassword = body.request.newPassword;
    return c.json({ changedAt: "2026-11-25T00:00:00.000Z" });
  });
  app.put(toHono(coreRoutes.changeLoginPassword.path), async (c) => {
    const body = changeLoginPasswordCoreRequestSchema.parse(await c.req.json());
    const customer = customers.find((x) => x.id === c.req.param("customerId"));
    if (!customer || body.request.currentPassword !== customer.password) {
      return c.json(errorBody("wrong_current_password"), 422);
    }
    customer.password = body.request.newPassword;
    return c.json({ changedAt: "2026-11-25T00:00:00.000Z" });
  });
  const stepUp = {
    methods: ["execution_password"] as StepUpMethod[],
    code: "123456",
    /** When set, core refuses to issue a code (e.g. a resend throttle) with this code. */
    issueRefusal: undefined as ErrorCode | undefined,
    /** When set, core answers with the code it mailed earlier for the same confirmation (issue 17 B1). */
    reused: undefined as { sentAt: string; resendAt: string } | undefined,
  };
  const calls = { issueAuthCode: 0, changeProfile: 0 };
  const issuedCodes: unknown[] = [];
  const withdrawals: { requestKey: string; amount: number }[] = [];
  app.get(toHono(coreRoutes.getStepUpRequirements.path), (c) =>
    c.json({
      methods: stepUp.methods,
      codeDestination: stepUp.methods.includes("auth_code") ? "h***@example.jp" : null,
      locked: state2.attempts >= 9,
    }),
  );
  app.post(toHono(coreRoutes.issueAuthCode.path), async (c) => {
    calls.issueAuthCode++;
    if (stepUp.issueRefusal) return c.json(errorBody(stepUp.issueRefusal), 429);
    issuedCodes.push(issueAuthCodeRequestSchema.parse(await c.req.json()));
    const reused = stepUp.reused ? { reused: stepUp.reused } : {};
    return c.json({ destination: "h***@example.jp", expiresAt: "2026-11-25T00:10:00.000Z", ...reused });
  });
  app.post(toHono(coreRoutes.verifyStepUp.path), async (c) => {
    const body = verifyStepUpCoreRequestSchema.parse(await c.req.json());
    if (stepUp.methods.includes("execution_password") && body.executionPassword !== state2.executionPassword) {
      state2.attempts++;
      return c.json(errorBody("wrong_execution_password", { remainingAttempts: 9 - state2.attempts }), 422);
    }
    if (stepUp.methods.includes("auth_code") && body.authCode !== stepUp.code) {
      return c.json(errorBody("wrong_auth_code", { remainingCodeAttempts: 4 }), 422);
    }
    if (stepUp.methods.includes("passkey")) {
      const refusal = passkeys.verifyStepUpPasskey(c.req.param("customerId") ?? "", body.passkey, body.digest);
      if (refusal) return c.json(errorBody(refusal), refusal === "passkey_required" ? 403 : 422);
    }
    return c.json({ verified: true });
  });
  const profile = {
    customerCode: "1000001",
    name: "山田 太郎",
    nameKana: "ヤマダ タロウ",
    birthDate: "1980-01-15",
    postalCode: "150-0002",
    address: "東京都渋谷区渋谷2-24-12",
    phone: "090-1234-5678",
    bankAccount: null,
  };
  app.get(toHono(coreRoutes.getProfile.path), (c) => c.json(profile));
  app.put(toHono(coreRoutes.changeProfile.path), async (c) => {
    const body = changeProfileCoreRequestSchema.parse(await c.req.json());
    calls.changeProfile++;
    Object.assign(profile, body.change);
    return c.json(profile);
  });
  app.post(toHono(coreRoutes.createWithdrawal.path), async (c) => {
    const body = createWithdrawalCoreRequestSchema.parse(await c.req.json());
    withdrawals.push({ requestKey: body.requestKey, amount: body.request.amount });
    return c.json({
      requestNumber: `W${String(withdrawals.length).padStart(8, "0")}`,
      amount: body.request.amount,
      bankName: "三井住友銀行",
      branchName: "渋谷支店",
      accountType: "普通",
      accountNumberMasked: "****567",
      status: "受付済",
      requestedAt: "2026-11-25T00:00:00.000Z",
    });
  });
  const orders: { requestKey: string; request: unknown }[] = [];
  const orderJson = (n: number, status: "open" | "cancelled") => ({
    orderNumber: `O${String(n).padStart(8, "0")}`,
    kind: "stock",
    instrumentCode: "7203",
    instrumentName: "トヨタ自動車",
    side: "buy",
    account: "cash",
    marginAction: null,
    quantity: 100,
    amount: null,
    units: null,
    priceType: "limit",
    limitPrice: 2800,
    status,
    filledPrice: null,
    filledQuantity: null,
    filledAt: null,
    createdAt: "2026-11-25T00:00:00.000Z",
    updatedAt: "2026-11-25T00:00:00.000Z",
  });
  app.post(toHono(coreRoutes.placeOrder.path), async (c) => {
    const body = placeOrderCoreRequestSchema.parse(await c.req.json());
    orders.push({ requestKey: body.requestKey, request: body.request });
    return c.json(orderJson(orders.length, "open"));
  });
  app.post(toHono(coreRoutes.cancelOrder.path), async (c) => {
    cancelOrderCoreRequestSchema.parse(await c.req.json());
    return c.json(orderJson(Number(c.req.param("orderNumber")?.slice(1)), "cancelled"));
  });
  // Lists (issue 16): the first page names a next one; the page after `cursor` is the last.
  app.get(toHono(coreRoutes.getLoginHistory.path), (c) =>
    c.json({
      entries: [{ at: "2026-11-25T00:00:00.000Z", outcome: "success", ipAddress: "127.0.0.1", userAgent: "ua" }],
      nextCursor: c.req.query("cursor") ? null : FAKE_LOGIN_CURSOR,
    }),
  );
  app.get(toHono(coreRoutes.listOrders.path), (c) =>
    c.json({ orders: [orderJson(1, "open")], nextCursor: c.req.query("cursor") ? null : FAKE_ORDER_CURSOR }),
  );
  const passkeys = installFakePasskeys(app, customers);
  const tradingStop = installFakeTradingStop(app, customers);
  const sessionEvents = installFakeSessionEvents(app, (id) => byId(id) !== undefined);
  const ownName = installFakeOwnName(app);
  const fetchImpl: typeof fetch = async (input, init) => {
    if (state.down) throw new TypeError("fetch failed: connect ECONNREFUSED");
    return app.request(new Request(input, init));
  };
  return {
    customers,
    received,
    state,
    /** The execution password and its failed tries; 9 tries is the lock. */
    credentials: state2,
    stepUp,
    calls,
    throttleReports,
    issuedCodes,
    withdrawals,
    orders,
    /** Core's passkeys: credentials by credential id, calls per route. */
    passkeys,
    /** 取引停止: stopped customers and the stop calls. */
    tradingStop,
    /** What the BFF reported of logouts from ログイン中の端末 (R32). */
    sessionEvents,
    /** 出金先口座変更 (R39) and 前回ログイン (R42). */
    ownName,
    /** New-device detection (issue 15): which codes need the 認証コード, the known devices. */
    newDevices,
    fetch: fetchImpl,
  };
}

export const TEST_COOKIE_KEYS = {
  current: { id: "k2", secret: new Uint8Array(32).fill(2) },
  old: { id: "k1", secret: new Uint8Array(32).fill(1) },
};

/** The step-up binding key of every test BFF (all share the fake core's service credential). */
export const TEST_BINDING_KEY = stepUpBindingKey(SERVICE_TOKEN);

export type FakeCore = ReturnType<typeof createFakeCore>;

/** The BFF's default login-throttle settings (env.ts), with some replaced. */
export function throttleOptions(overrides: Partial<ThrottleOptions> = {}): ThrottleOptions {
  return {
    maxPerCode: 5,
    maxPerClient: 30,
    windowSeconds: 900,
    maxBlockSeconds: 4 * 3600,
    slowdown: { afterFailures: 300, intervalSeconds: 1, maxQueued: 10 },
    ...overrides,
  };
}

/** A pacer that lets every attempt through at once (or refuses them all) and records whom it paced. */
export function recordingPacer(admit = true) {
  const paced: string[] = [];
  const pacer: LoginPacer = {
    wait: async (clientAddress) => {
      paced.push(clientAddress);
      return admit;
    },
  };
  return { pacer, paced };
}

/** The state a BFF instance keeps outside itself; Redis stores make instances share it. */
export type SharedStores = Pick<BffDeps, "sessions" | "loginThrottle" | "singleUse" | "challenges" | "idempotency">;

export function createTestBff(
  overrides: {
    config?: Partial<BffConfig>;
    maxPerCode?: number;
    maxPerClient?: number;
    /** Further login-throttle settings, e.g. a low slowdown ceiling. */
    throttle?: Partial<ThrottleOptions>;
    /** Stands in for the queue that paces a client past the ceiling (records instead of waiting). */
    pacer?: LoginPacer;
    cookieKeys?: CookieKey[];
    /** Instead of this instance's memory stores (e.g. Redis stores shared with another instance). */
    stores?: Partial<SharedStores>;
    /** A core shared with another BFF instance, as behind a load balancer; a new fake otherwise. */
    core?: FakeCore;
    /** The TCP peer every request comes from; tests sharing one Redis use their own. */
    clientAddress?: string;
  } = {},
) {
  const clock = { now: Date.parse("2026-11-25T00:00:00Z") };
  const core = overrides.core ?? createFakeCore();
  const sessions = new MemorySessionStore(() => clock.now);
  const app = createApp({
    config: {
      allowedOrigins: [ORIGIN],
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      requestTimeoutMs: 5_000,
      trustProxy: false,
      enableTestApi: false,
      stepUp: {
        challengeMs: 10 * 60_000,
        windowMs: 5 * 60_000,
        onceMs: 5 * 60_000,
        bindingKey: TEST_BINDING_KEY,
      },
      ...overrides.config,
    },
    cookieBox: new CookieBox(overrides.cookieKeys ?? [TEST_COOKIE_KEYS.current, TEST_COOKIE_KEYS.old], () => clock.now),
    singleUse: new MemorySingleUseStore(() => clock.now),
    challenges: new MemoryChallengeStore(() => clock.now),
    idempotency: new MemoryIdempotencyStore(() => clock.now),
    core: createCoreClient({
      baseUrl: "http://core.test",
      serviceToken: SERVICE_TOKEN,
      timeoutMs: 1_000,
      fetch: core.fetch,
    }),
    sessions,
    loginThrottle: LoginThrottle.inMemory(
      throttleOptions({
        ...(overrides.maxPerCode ? { maxPerCode: overrides.maxPerCode } : {}),
        ...(overrides.maxPerClient ? { maxPerClient: overrides.maxPerClient } : {}),
        ...overrides.throttle,
      }),
      overrides.pacer ? { pacer: overrides.pacer } : {},
    ),
    ...overrides.stores,
    logger: pino({ level: "silent" }),
    now: () => clock.now,
    remoteAddress: () => overrides.clientAddress ?? "203.0.113.7",
  });

  /** A browser-like same-origin request; `cookie` is the session id to send. */
  const request = (
    path: string,
    init: {
      method?: string;
      json?: unknown;
      body?: string;
      headers?: Record<string, string>;
      cookie?: string;
      /** Further cookies, e.g. step-up cookies, as `name=value` pairs. */
      cookies?: string[];
    } = {},
  ) => {
    const headers = new Headers(init.headers);
    const method = init.method ?? "GET";
    if (method !== "GET") {
      if (!headers.has("origin")) headers.set("origin", ORIGIN);
      if (!headers.has("x-csrf")) headers.set("x-csrf", "1");
    }
    const jar = [...(init.cookie ? [`__Host-kakunin-session=${init.cookie}`] : []), ...(init.cookies ?? [])];
    if (jar.length > 0) headers.set("cookie", jar.join("; "));
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    return app.request(path, { method, headers, body: body ?? null });
  };

  const login = async (customerCode = "1000001", password = "Kiso8pine3") => {
    const res = await request("/api/session", { method: "POST", json: { customerCode, password } });
    return { res, cookie: sessionCookieOf(res) };
  };

  return { app, core, clock, request, login };
}

export function sessionCookieOf(res: Response): string | undefined {
  const header = res.headers.getSetCookie().find((h) => h.startsWith("__Host-kakunin-session="));
  return header?.split(";")[0]?.split("=")[1] || undefined;
}

export async function readError(res: Response): Promise<ErrorBody["error"]> {
  return errorBodySchema.parse(await res.json()).error;
}

export async function readAs<T extends z.ZodType>(res: Response, schema: T): Promise<z.infer<T>> {
  return schema.parse(await res.json());
}

/** The `name=value` of every cookie a response sets (expired ones excluded). */
export function cookiesOf(res: Response): string[] {
  return res.headers
    .getSetCookie()
    .filter((h) => !/Max-Age=0/i.test(h))
    .map((h) => h.split(";")[0] ?? "");
}

import { vi } from "vitest";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Reply = Response | Error | ((request: RecordedRequest) => Response | Error | Promise<Response | Error>);

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

export function errorJson(code: string, message: string, status: number, extra: Record<string, unknown> = {}) {
  return json({ error: { code, message, ...extra } }, status);
}

export const authenticatedSession = {
  authenticated: true,
  customer: { customerCode: "1000001", name: "山田 太郎" },
  idleExpiresAt: "2026-11-25T07:34:05.000Z",
  absoluteExpiresAt: "2026-11-25T15:04:05.000Z",
} as const;

/**
 * Replaces fetch with a table of "METHOD /path" → reply. A reply may be a list, used
 * in order (the last one repeats). Unlisted requests fail the test loudly with a 500.
 */
export function mockApi(routes: Record<string, Reply | Reply[]>) {
  const requests: RecordedRequest[] = [];
  const counters = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
      "http://web.test",
    );
    const method = (init?.method ?? "GET").toUpperCase();
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      credentials: init?.credentials,
    };
    requests.push(request);
    const key = `${method} ${url.pathname}`;
    const entry = routes[key];
    if (entry === undefined) return json({ error: { code: "internal_error", message: `unmocked ${key}` } }, 500);
    const index = counters.get(key) ?? 0;
    counters.set(key, index + 1);
    const list = Array.isArray(entry) ? entry : [entry];
    const reply = list[Math.min(index, list.length - 1)] as Reply;
    const result = typeof reply === "function" ? await reply(request) : reply;
    if (result instanceof Error) throw result;
    // A Response body can be read once; hand out a copy so repeated replies work.
    return result.clone();
  });
  vi.stubGlobal("fetch", fetchMock);
  return { requests, fetchMock };
}

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
  return {
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
      now: "2026-11-25T07:04:05.000Z",
      phase: "enforced",
      ...overrides.schedule,
    },
  } as const;
}

type StepUpMethodName = "execution_password" | "auth_code";

/** 403 step_up_required as the BFF sends it (R35). */
export function stepUpRequired(
  methods: StepUpMethodName[] = ["execution_password"],
  operation = "view_registered_info",
  maxAgeSeconds = 300,
): Response {
  return errorJson("step_up_required", "この操作には執行パスワードの入力が必要です。", 403, {
    stepUp: { operation, methods, maxAgeSeconds },
  });
}

/** POST /api/step-up/challenges → 200. */
export function stepUpChallenge(
  methods: StepUpMethodName[] = ["execution_password"],
  { operation = "view_registered_info", codeSentTo = null as string | null } = {},
): Response {
  return json({
    operation,
    methods,
    codeSentTo: methods.includes("auth_code") ? (codeSentTo ?? "t***@example.jp") : null,
    expiresAt: "2026-11-25T07:14:05.000Z",
  });
}

/** POST /api/step-up/verifications → 204. */
export function verified(): Response {
  return new Response(null, { status: 204 });
}

/** GET /api/me/profile: 山田 太郎 of the demo data. */
export const demoProfile = {
  customerCode: "1000001",
  name: "山田 太郎",
  nameKana: "ヤマダ タロウ",
  birthDate: "1980-01-15",
  postalCode: "150-0002",
  address: "東京都渋谷区渋谷2-24-12",
  phone: "090-1234-5678",
  bankAccount: {
    bankName: "三井住友銀行",
    branchName: "渋谷支店",
    accountType: "普通",
    accountNumberMasked: "****567",
    holderKana: "ヤマダ タロウ",
  },
} as const;

import { vi } from "vitest";
import { type StepUpMethodName, stepUpChallengeBody, stepUpRequiredBody } from "./fixtures.ts";

// The fixtures live in fixtures.ts, shared with the Storybook MSW handlers.
export { authenticatedSession, credentialStatus, demoProfile } from "./fixtures.ts";

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string's parameters (e.g. a list's `cursor`). */
  query: URLSearchParams;
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
      query: url.searchParams,
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

/** 403 step_up_required as the BFF sends it (R35). */
export function stepUpRequired(
  methods: StepUpMethodName[] = ["execution_password"],
  operation = "view_registered_info",
  maxAgeSeconds = 300,
): Response {
  return json(stepUpRequiredBody(methods, operation, maxAgeSeconds), 403);
}

/** POST /api/step-up/challenges → 200. */
export function stepUpChallenge(
  methods: StepUpMethodName[] = ["execution_password"],
  options: Parameters<typeof stepUpChallengeBody>[1] = {},
): Response {
  return json(stepUpChallengeBody(methods, options));
}

/** POST /api/step-up/verifications → 204. */
export function verified(): Response {
  return new Response(null, { status: 204 });
}

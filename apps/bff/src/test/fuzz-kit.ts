import { errorMessages } from "@kakunin/contracts/error-body";
import { errorBodySchema } from "@kakunin/contracts/errors";
import {
  exampleBankAccountChange,
  exampleFundOrder,
  exampleMarginAccountApplication,
  exampleProfileChange,
  exampleStockOrder,
} from "@kakunin/contracts/examples";
import fc from "fast-check";
import { fakeAssertion, fakeRegistration } from "./fake-passkeys.ts";

/**
 * What the fuzz test (in-process, `fuzz.test.ts`) and the larger run against a started
 * system (`npm run fuzz -w @kakunin/bench`) share: which routes there are, what to send
 * them, and what no answer may contain.
 */

export const FUZZ_ORIGIN = "http://localhost:8080";

/** One route of the BFF's API, as Hono registered it (`/api/me/orders/:orderNumber`). */
export interface ApiRoute {
  method: string;
  path: string;
}

/**
 * Every concrete API route of a BFF app, read from Hono's route table, so a route added
 * later is fuzzed without anyone listing it here. Middleware (`ALL`, wildcards) is skipped.
 */
export function apiRoutes(app: { routes: readonly { method: string; path: string }[] }): ApiRoute[] {
  const found = new Map<string, ApiRoute>();
  for (const { method, path } of app.routes) {
    if (method === "ALL" || !path.startsWith("/api/") || path.includes("*")) continue;
    found.set(`${method} ${path}`, { method, path });
  }
  return [...found.values()].sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

export const routeKey = (route: ApiRoute) => `${route.method} ${route.path}`;

/** What the fuzzed customer's valid requests are made of. */
export interface FuzzCustomer {
  customerCode: string;
  bankAccountId: string;
  /** An open limit order of the customer (modify and cancel start from it). */
  orderNumber: string;
}

/**
 * Passwords change when a fuzzed password change succeeds, so examples carry these
 * placeholders and the runner puts in the current value just before sending.
 */
export const LOGIN_PASSWORD = "{{loginPassword}}";
export const EXECUTION_PASSWORD = "{{executionPassword}}";

/** The body with every placeholder (an exact string match) replaced by the current secret. */
export function resolvePlaceholders(
  value: unknown,
  secrets: { loginPassword: string; executionPassword: string },
): unknown {
  if (value === LOGIN_PASSWORD) return secrets.loginPassword;
  if (value === EXECUTION_PASSWORD) return secrets.executionPassword;
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(v, secrets));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolvePlaceholders(v, secrets)]));
  }
  return value;
}

/**
 * Valid bodies per route; the fuzz mutates them so values reach core's domain and the
 * database rather than stopping at the first schema check. A route missing here still gets
 * arbitrary bodies.
 */
export function exampleBodies(c: FuzzCustomer): Record<string, unknown[]> {
  // Copies: the fuzz derives its bodies from these and must not change the shared examples.
  const profile = { ...exampleProfileChange };
  const bank = { ...exampleBankAccountChange };
  const email = { position: 2, address: "fuzz@example.jp" };
  const mailSetting = { type: "trade_execution", enabled: true, destination: 1 };
  const withdrawal = { amount: 1000, bankAccountId: c.bankAccountId };
  const stock = { ...exampleStockOrder };
  const fund = { ...exampleFundOrder };
  const modify = { orderNumber: c.orderNumber, quantity: 200, limitPrice: 1601 };
  const cancel = { orderNumber: c.orderNumber };
  const margin = { ...exampleMarginAccountApplication };
  const passwords = (current: string) => ({
    currentPassword: current,
    newPassword: "Fz9q7Kw2",
    newPasswordConfirmation: "Fz9q7Kw2",
  });
  return {
    "POST /api/session": [{ customerCode: c.customerCode, password: LOGIN_PASSWORD }],
    "PUT /api/locale": [{ locale: "en" }, { locale: "ja" }],
    "PUT /api/me/execution-password": [passwords(EXECUTION_PASSWORD)],
    "PUT /api/me/login-password": [passwords(LOGIN_PASSWORD)],
    "POST /api/step-up/challenges": [
      { operation: "view_registered_info", payload: {} },
      { operation: "change_profile", payload: profile },
      { operation: "change_bank_account", payload: bank },
      { operation: "withdrawal", payload: withdrawal },
      { operation: "place_order", payload: stock },
      { operation: "modify_order", payload: modify },
      { operation: "cancel_order", payload: cancel },
      { operation: "apply_margin_account", payload: margin },
    ],
    "POST /api/step-up/verifications": [{ executionPassword: EXECUTION_PASSWORD }],
    "PUT /api/me/profile": [profile],
    "PUT /api/me/emails": [email],
    "PUT /api/me/mail-settings": [mailSetting],
    "POST /api/me/withdrawals": [withdrawal],
    "POST /api/me/bank-account-changes": [bank],
    "POST /api/me/bank-account-change-checks": [bank],
    "POST /api/me/order-checks": [stock, fund, { ...fund, side: "sell", amount: null, units: 10 }],
    "POST /api/me/orders": [stock, fund, { ...fund, side: "sell", amount: null, units: 10 }],
    "POST /api/me/orders/:orderNumber/modification-checks": [modify],
    "PUT /api/me/orders/:orderNumber": [modify],
    "POST /api/me/orders/:orderNumber/cancel": [cancel],
    "POST /api/me/margin-account-applications": [margin],
    "POST /api/me/passkey-registration-options": [{}],
    "POST /api/session/passkey-options": [{}],
    "PATCH /api/me/passkeys/:passkeyId": [{ name: "ファズ用" }],
    // Well-formed ceremonies over challenges the BFF never drew: the route's work refuses them.
    "POST /api/me/passkeys": [{ name: "ファズ用", response: fakeRegistration("A".repeat(43)) }],
    "POST /api/me/passkeys/:passkeyId/deletion": [{ passkeyId: "0b7c1f4e-1a2b-4c3d-8e9f-000000000001" }],
    "POST /api/session/passkey": [{ response: fakeAssertion("A".repeat(43)) }],
    // ログインパスワードをお忘れの方 (decision 015): the start answers alike whatever matched.
    "POST /api/password-resets": [{ customerCode: c.customerCode, birthDate: "1980-01-15" }],
    "POST /api/password-resets/completion": [{ code: "123456", newPassword: "Fz9q7Kw2" }],
  };
}

/** Characters and fragments that broke, or could break, something between a form and PostgreSQL. */
const nastyFragments = [
  "\u0000",
  "\ud800",
  "\udfff",
  "\udc00\ud800",
  "\u0001",
  "\u0008",
  "\t",
  "\n",
  "\r\n",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\u009f",
  "\u2028",
  "\u202e",
  "\u200b",
  "\ufeff",
  "\ufffd",
  "\uffff",
  "🙂",
  "ｱ",
  "'",
  '"',
  "\\",
  "%00",
  "%s%n",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal "${…}" is what is meant.
  "${x}",
  "'; drop table customers; --",
  "<script>",
  "__proto__",
];

/** Any UTF-16 code unit, so lone surrogates turn up as often as anything else. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));

const nastyString = fc.oneof(
  fc.constantFrom(...nastyFragments),
  fc.string({ unit: anyCodeUnit, maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.nat({ max: 20_000 }).map((n) => "あ".repeat(n)),
  fc.constantFrom("", " ", "　", "0", "-1", "1e400", "0x10", "１２３", "NaN", "Infinity", "null", "true", "[]"),
);

/** A copy of `valid` with nasty fragments put in at random places: still mostly the right shape. */
const spoiled = (valid: string) =>
  fc
    .array(fc.tuple(fc.nat({ max: valid.length }), fc.constantFrom(...nastyFragments)), { minLength: 1, maxLength: 3 })
    .map((cuts) =>
      cuts.sort((a, b) => b[0] - a[0]).reduce((s, [at, fragment]) => s.slice(0, at) + fragment + s.slice(at), valid),
    );

const nastyNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1e-300,
    99.99,
    1e21,
    1e300,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    2 ** 63,
    -(2 ** 63),
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Nested arrays deeper than anything a schema expects (deeper ones go as text, see brokenText). */
const deep = fc
  .integer({ min: 1, max: 200 })
  .map((depth) => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`) as unknown);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  fc.constantFrom(null, true, false, [], {}, { "": "" }),
  deep,
  fc.jsonValue({ maxDepth: 3 }),
);

type Json = unknown;

/** Replaces one leaf (or adds or removes a key) of a valid body. */
function mutate(valid: Json): fc.Arbitrary<Json> {
  const leaves: { path: (string | number)[]; value: unknown }[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (value && typeof value === "object" && Object.keys(value).length > 0) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    } else {
      leaves.push({ path, value });
    }
  };
  walk(valid, []);
  const setAt = (path: (string | number)[], value: unknown, remove = false): Json => {
    const copy = structuredClone(valid) as Record<string | number, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path.at(-1);
    if (last === undefined) return value;
    if (remove) delete node[last];
    else node[last] = value;
    return copy;
  };
  if (leaves.length === 0) return fc.constant(valid);
  const leaf = fc.constantFrom(...leaves);
  return fc.oneof(
    { weight: 5, arbitrary: leaf.chain(({ path, value }) => spoiledOrNasty(value).map((v) => setAt(path, v))) },
    { weight: 1, arbitrary: leaf.map(({ path }) => setAt(path, undefined, true)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("extra", "__proto__", "constructor", "amount"), nastyValue)
        .map(([key, value]) =>
          typeof valid === "object" && valid !== null ? { ...(valid as object), [key]: value } : valid,
        ),
    },
  );
}

function spoiledOrNasty(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === "string" && value.length > 0) {
    return fc.oneof({ weight: 3, arbitrary: spoiled(value) }, { weight: 2, arbitrary: nastyValue });
  }
  return nastyValue;
}

/** A request body: a mutated example, the example itself, any JSON, or bytes that are not JSON at all. */
export type FuzzBody =
  | { kind: "json"; value: Json }
  | { kind: "text"; text: string }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "none" };

const brokenText = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 200 }),
  fc.constantFrom('{"a":', "{'a':1}", "[1,2", '{"a":1}{"b":2}', "\u0000", "null", "1", '"x"', "{}".repeat(9_000)),
  fc.nat({ max: 20_000 }).map((n) => `{"address":"${"x".repeat(n)}"}`),
  fc.nat({ max: 8_000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  fc.nat({ max: 5_000 }).map((n) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`),
  fc.constantFrom('{"amount":1e400}', '{"amount":-0}', '{"quantity":123456789012345678901234567890}'),
);

/** Bytes no UTF-8 decoder accepts as they are: overlong NUL, CESU-8 surrogate, stray continuation. */
const brokenBytes = fc
  .constantFrom([0xc0, 0x80], [0xed, 0xa0, 0x80], [0x80], [0xff, 0xfe], [0xe3, 0x81])
  .map((bad) => new Uint8Array([...Buffer.from('{"address":"'), ...bad, ...Buffer.from('"}')]));

export function bodyArbitrary(examples: readonly Json[]): fc.Arbitrary<FuzzBody> {
  const json = (a: fc.Arbitrary<Json>) => a.map((value): FuzzBody => ({ kind: "json", value }));
  const fromExamples =
    examples.length > 0
      ? [
          { weight: 12, arbitrary: json(fc.constantFrom(...examples).chain(mutate)) },
          { weight: 3, arbitrary: json(fc.constantFrom(...examples)) },
        ]
      : [];
  return fc.oneof(
    ...fromExamples,
    { weight: 2, arbitrary: json(fc.jsonValue({ maxDepth: 4 })) },
    { weight: 1, arbitrary: json(nastyValue) },
    { weight: 1, arbitrary: brokenText.map((text): FuzzBody => ({ kind: "text", text })) },
    { weight: 1, arbitrary: brokenBytes.map((bytes): FuzzBody => ({ kind: "bytes", bytes })) },
    { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: "none" }) },
  );
}

/** Header values a browser could send (Latin-1 without CR, LF or NUL): what reaches a server at all. */
const headerValue = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09))
    .map((u) => String.fromCharCode(u)),
  maxLength: 600,
});

/** Who is asking: nobody, someone with a forged or stale cookie, or the customer (with grants). */
export type Identity = "none" | "forged" | "session" | "granted";

export interface FuzzRequest {
  method: string;
  /** Path with parameters filled in (percent-encoded as a browser would, or not). */
  path: string;
  headers: Record<string, string>;
  body: FuzzBody;
  identity: Identity;
  /** Extra cookies: garbage, or step-up cookies that belong to nobody. */
  extraCookies: string[];
}

/** Mostly the value a real browser of ours sends; now and then missing or anything else. */
const mostly = <T>(usual: T, other: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constant<T | undefined>(usual) },
    { weight: 1, arbitrary: fc.constant<T | undefined>(undefined) },
    { weight: 1, arbitrary: other as fc.Arbitrary<T | undefined> },
  );

const sometimes = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant<T | undefined>(undefined) }, { weight: 1, arbitrary: a });

const headersArbitrary = fc
  .record({
    "content-type": mostly(
      "application/json",
      fc.oneof(
        fc.constantFrom(
          "application/json; charset=utf-8",
          "APPLICATION/JSON",
          "application/json;charset=shift_jis",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/jsonx",
          "",
        ),
        headerValue,
      ),
    ),
    "idempotency-key": fc.oneof(
      { weight: 10, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.oneof(headerValue, fc.constantFrom("short", "k".repeat(65), "key with spaces ü-ü-ü")),
      },
    ),
    origin: mostly(
      FUZZ_ORIGIN,
      fc.oneof(
        fc.constantFrom("null", "http://evil.example", `${FUZZ_ORIGIN}.evil.example`, "HTTP://LOCALHOST:8080"),
        headerValue,
      ),
    ),
    "x-csrf": mostly("1", headerValue),
    "sec-fetch-site": sometimes(fc.constantFrom("same-origin", "cross-site", "none")),
    "user-agent": sometimes(headerValue),
    "x-forwarded-for": sometimes(headerValue),
    accept: sometimes(fc.constantFrom("application/json", "text/html", "*/*")),
  })
  .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

const extraCookies = fc.oneof(
  { weight: 4, arbitrary: fc.constant<string[]>([]) },
  fc.array(
    fc.oneof(
      fc.constantFrom(
        "__Host-kakunin-grant-once=eyJhbGciOiJkaXIifQ..x.y.z",
        "__Host-kakunin-grant-window=garbage",
        "__Host-kakunin-stepup=%00",
        "__Host-kakunin-session=",
      ),
      fc
        .tuple(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), fc.stringMatching(/^[\x21-\x3a\x3c-\x7e]{0,100}$/))
        .map(([k, v]) => `${k}=${v}`),
    ),
    { minLength: 1, maxLength: 3 },
  ),
);

/** Fills `:params` of a route path: mostly from the body (so path and body agree), else anything. */
function pathArbitrary(route: ApiRoute, body: FuzzBody): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? "");
  if (names.length === 0) {
    return fc.oneof(
      { weight: 20, arbitrary: fc.constant(route.path) },
      fc.constantFrom(`${route.path}/`, `${route.path}?x=%00`, route.path.toUpperCase(), `${route.path}%00`),
    );
  }
  const fromBody = (name: string) => {
    const v = body.kind === "json" ? (body.value as Record<string, unknown> | null)?.[name] : undefined;
    return typeof v === "string" ? v : undefined;
  };
  const raw = fc.constantFrom("%00", "%ED%A0%80", "%", "..", "%2e%2e", "%2F", "O%0000000001", "a b");
  const one = (name: string) => {
    const known = fromBody(name);
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(known === undefined ? "O00000001" : encodeURIComponent(safeEncode(known))) },
      { weight: 2, arbitrary: nastyString.map((s) => encodeURIComponent(safeEncode(s))) },
      { weight: 1, arbitrary: raw },
    );
  };
  return fc
    .tuple(...names.map(one))
    .map((values) => names.reduce((p, name, i) => p.replace(`:${name}`, values[i] ?? ""), route.path));
}

/** encodeURIComponent throws on lone surrogates; a browser sends them as U+FFFD. */
const safeEncode = (s: string) => s.replace(/\p{Cs}/gu, "\ufffd");

export function requestArbitrary(route: ApiRoute, examples: readonly Json[]): fc.Arbitrary<FuzzRequest> {
  return bodyArbitrary(examples).chain((body) =>
    fc.record({
      method: fc.oneof(
        { weight: 20, arbitrary: fc.constant(route.method) },
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
      ),
      path: pathArbitrary(route, body),
      headers: headersArbitrary,
      body: fc.constant(body),
      identity: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom<Identity>("none", "forged") },
        { weight: 1, arbitrary: fc.constant<Identity>("session") },
        { weight: 5, arbitrary: fc.constant<Identity>("granted") },
      ),
      extraCookies,
    }),
  );
}

/** Arbitrary paths under /api that no route serves. */
export const unknownPathArbitrary: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.oneof(
      fc.stringMatching(/^\/api\/[a-z/._-]{0,40}$/),
      nastyString.map((s) => `/api/${encodeURIComponent(safeEncode(s))}`),
      fc.constantFrom(
        "/api",
        "/api/",
        "/api/me",
        "/api/me/",
        "/api/test/session/expire",
        "/api/..%2f..%2fetc%2fpasswd",
      ),
    ),
    fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
    bodyArbitrary([]),
    headersArbitrary,
  )
  .map(([path, method, body, headers]) => ({ method, path, headers, body, identity: "session", extraCookies: [] }));

/** The bytes of a request body as the fuzz sends them. */
export function bodyBytes(body: FuzzBody): string | Uint8Array | null {
  switch (body.kind) {
    case "json":
      // JSON.stringify writes a lone surrogate as its \uXXXX escape, as an attacker would.
      return JSON.stringify(body.value) ?? "null";
    case "text":
      return body.text;
    case "bytes":
      return body.bytes;
    case "none":
      return null;
  }
}

/** What a request's text looks like, for telling a reflected input from a leak. */
export function requestText(req: FuzzRequest): string {
  const body = bodyBytes(req.body);
  const text = typeof body === "string" ? body : body ? Buffer.from(body).toString("latin1") : "";
  let path = req.path;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    // Not decodable: the raw path is what was sent.
  }
  return `${req.path}\n${path}\n${text}\n${JSON.stringify(req.body.kind === "json" ? req.body.value : "")}`;
}

/**
 * Things that must never reach a browser: stack frames, error class names, file paths,
 * database and library names, SQL. A match that the request itself contained (e.g. an
 * unknown key echoed in a field message) is a reflection, not a leak.
 */
const leakPatterns: readonly RegExp[] = [
  /\bat [\w$.<>]+ \(/,
  /\bat (?:file:\/\/|\/|node:)/,
  /\b\w*Error\b(?::|\s+at\b)/,
  /(?:\/[\w.-]+)+\.(?:ts|js|mjs|cjs)\b/,
  /node_modules/,
  /drizzle/i,
  /postgres/i,
  /pglite/i,
  /\bzod/i,
  /ZodError/,
  /\bhono\b/i,
  /SQLSTATE|syntax error|invalid input syntax|violates|relation "|duplicate key|null value in column/i,
  /\b(?:select|insert|update|delete)\b[\s\S]*\b(?:from|into|set)\b/i,
  /ECONNREFUSED|ETIMEDOUT|fetch failed/i,
];

/** Every leak found in an answer body; empty when the body is clean. */
export function findLeaks(bodyText: string, request: string): string[] {
  const leaks: string[] = [];
  for (const pattern of leakPatterns) {
    const match = pattern.exec(bodyText);
    if (match && !request.toLowerCase().includes(match[0].toLowerCase())) leaks.push(match[0]);
  }
  return leaks;
}

/**
 * Checks one answer: never 5xx; an error is the contract's JSON error body with a known code
 * and a Japanese message; no leak. Returns what is wrong (empty when nothing is).
 */
export function checkAnswer(status: number, bodyText: string, req: FuzzRequest): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`status ${status}`);
  if (status >= 400 && req.method !== "HEAD") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      problems.push("error answer is not JSON");
    }
    const body = errorBodySchema.safeParse(parsed);
    if (parsed !== undefined && !body.success) problems.push("error answer is not the contract's error body");
    if (body.success) {
      const { code, message } = body.data.error;
      if (!(code in errorMessages)) problems.push(`unknown error code ${code}`);
      if (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(message)) problems.push("error message is not Japanese");
    }
  }
  for (const leak of findLeaks(bodyText, requestText(req))) problems.push(`leak: ${JSON.stringify(leak)}`);
  return problems;
}

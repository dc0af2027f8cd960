import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  arbitraryFor,
  type FuzzCore,
  type FuzzedCustomer,
  fuzzedCustomer,
  preparedRequest,
} from "./test/fuzz-customer.ts";
import {
  type ApiRoute,
  apiRoutes,
  checkAnswer,
  type FuzzRequest,
  routeKey,
  unknownPathArbitrary,
} from "./test/fuzz-kit.ts";
import { createTestBff } from "./test/harness.ts";
import { type BffOnRealCore, createBffOnRealCore } from "./test/real-core.ts";

/**
 * F2: no input makes the BFF answer 5xx. Every API route (read from the app's route table)
 * gets arbitrary bodies, headers, cookies and path parameters, through the in-process BFF in
 * front of the real core on PGlite; part of the runs carry a live session and valid step-up
 * grants, so guarded routes run past the guard into core and the database. Per answer: no
 * 5xx, the contract's error body, no stack trace or internal name, and a refused request
 * changed none of the customer's data and used up no grant. The seed is fixed so CI is
 * repeatable (FUZZ_SEED and FUZZ_RUNS override); fast-check prints seed and path on failure.
 * `npm run fuzz -w @kakunin/bench` runs the larger search against a started system.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20_220_918);

const routes = apiRoutes(createTestBff().app);
let h: BffOnRealCore;
const tally = new Map<string, Map<number, number>>();

beforeAll(async () => {
  h = await createBffOnRealCore();
  // Issue 15: with the 認証コード required, the fuzz's right passwords (its customers' browsers
  // are all new devices) would only ever mail codes: a refusal that changes data by design.
  // Off (NEW_DEVICE_CODE_REQUIRED=false) the logins go through and the rest of the app is fuzzed.
  h.core.services.newDevice.codeRequired = false;
}, 120_000);

afterAll(async () => {
  await h?.close();
  console.log(
    `fuzz answers per route (seed ${SEED}, ${RUNS} runs each)\n${[...tally]
      .map(([route, counts]) => `  ${route.padEnd(44)} ${[...counts].map(([s, n]) => `${s}×${n}`).join(" ")}`)
      .join("\n")}`,
  );
});

/** Core as the BFF's service, for setting up the fuzzed customers. */
const fuzzCore: FuzzCore = {
  createCustomer: (options) => h.createCustomer(options),
  json: async (path, init = {}) => (await h.core.call(path, init)).json(),
};

/** What the fuzz found wrong with one answer. */
class FuzzFinding extends Error {}

function count(route: string, status: number) {
  const counts = tally.get(route) ?? new Map<number, number>();
  counts.set(status, (counts.get(status) ?? 0) + 1);
  tally.set(route, counts);
}

async function fuzzRoute(key: string, arbitrary: (c: FuzzedCustomer) => fc.Arbitrary<FuzzRequest>, route?: ApiRoute) {
  const fuzzed = await fuzzedCustomer(fuzzCore, route ?? null);
  const { created, secrets } = fuzzed;
  const customerId = created.customer.id;
  const successes = { count: 0 };
  let known: string | null = null;

  const property = fc.asyncProperty(arbitrary(fuzzed), async (req) => {
    const { body, bytes, cookies, grant } = await preparedRequest(req, secrets, () => h.openSession(created), h);
    const headers = new Headers(req.headers);
    if (cookies.length > 0) headers.set("cookie", cookies.join("; "));

    // The state after the previous refused run is this run's "before" (nothing else writes).
    const before = known ?? (await h.snapshot(customerId));
    known = null;
    const res = await h.app.request(req.path, { method: req.method, headers, body: bytes });
    const text = await res.text();
    count(key, res.status);

    const problems = checkAnswer(res.status, text, req);
    if (res.status >= 400) {
      const after = await h.snapshot(customerId);
      if (after !== before) problems.push("a refused request changed the customer's data");
      known = after;
    }
    if (grant && res.status === 400 && h.grantUsed(grant.jti)) {
      problems.push("a request refused as invalid used up its step-up grant");
    }
    if (res.ok) {
      successes.count++;
      // A fuzzed password change that went through: later examples must use the new one.
      const sent = body.kind === "json" ? (body.value as { newPassword?: unknown }) : undefined;
      if (req.path === "/api/me/execution-password" && typeof sent?.newPassword === "string") {
        secrets.executionPassword = sent.newPassword;
      }
      if (req.path === "/api/me/login-password" && typeof sent?.newPassword === "string") {
        secrets.loginPassword = sent.newPassword;
      }
    }
    if (text.includes('"account_locked"')) {
      await h.unlock(created.customer.customerCode);
      known = null;
    }
    if (problems.length > 0) {
      throw new FuzzFinding(
        `${problems.join("; ")}\n  ${req.method} ${req.path} (${req.identity}) ${JSON.stringify(req.headers)}\n  body: ${
          typeof bytes === "string" ? bytes.slice(0, 300) : String(bytes)
        }\n  → ${res.status} ${text.slice(0, 500)}`,
      );
    }
  });
  // fc.check rather than fc.assert: its report would print the whole counterexample, and
  // a 16 KiB body of nested arrays overflows the stack of its pretty-printer.
  const result = await fc.check(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
  if (result.failed) {
    const e = result.errorInstance;
    // A finding reads best as its message; anything else (a bug in this test) with its stack.
    const cause = e instanceof FuzzFinding ? e.message : e instanceof Error ? e.stack : String(e);
    throw new Error(
      `${key}: failed at run ${result.numRuns} (FUZZ_SEED=${result.seed}, path ${result.counterexamplePath})\n${cause}`,
    );
  }
  return successes.count;
}

/**
 * Routes fuzzed for 5xx, leaks and unchanged data like every other, but whose success the fuzz
 * cannot reach: it needs an authenticator's signature over a challenge the BFF drew at random
 * for this very request (registration, login), or a passkey the fuzzed customer does not have.
 * Ending one session (R32) needs the handle of another live session of the customer, derived
 * from a session id the fuzz never sees. A new device's 認証コード goes to a mailbox the fuzz
 * does not read.
 */
const unreachableSuccess = new Set([
  "POST /api/me/passkeys",
  "PATCH /api/me/passkeys/:passkeyId",
  "POST /api/me/passkeys/:passkeyId/deletion",
  "POST /api/session/passkey",
  "POST /api/me/sessions/:handle/logout",
  // Issue 15: needs a pending login of a new device (off here) and the code mailed for it.
  "POST /api/session/device-verification",
  // A password reset's completion needs the code mailed for the reset its sealed cookie names.
  "POST /api/password-resets/completion",
]);

describe("fuzz: no input makes the BFF answer 5xx, leak or change anything it refuses", () => {
  test.each(routes.map((route) => [routeKey(route), route] as const))(
    "%s",
    async (key, route) => {
      const successes = await fuzzRoute(key, (c) => arbitraryFor(route, c.customer), route);
      // The fuzz reached the route's work, not only its guards.
      if (!unreachableSuccess.has(key)) expect(successes).toBeGreaterThan(0);
    },
    120_000,
  );

  test("unknown paths under /api", async () => {
    await fuzzRoute("unknown paths", () => unknownPathArbitrary);
  }, 60_000);
});

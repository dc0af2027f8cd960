import { randomUUID } from "node:crypto";
import { createTestCustomerResponseSchema, TEST_CUSTOMERS_PATH } from "@kakunin/contracts/test-support";
import { openPglite } from "@kakunin/core/src/db/client.ts";
// Brings in core's declaration of what its vitest global setup provides (test-app reads it).
import type {} from "@kakunin/core/src/test/global-setup.ts";
import { createTestCore, TEST_OPS_TOKEN, TEST_SERVICE_TOKEN } from "@kakunin/core/src/test/test-app.ts";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { createApp } from "../app.ts";
import { createCoreClient } from "../lib/core-client.ts";
import { MemoryIdempotencyStore } from "../lib/idempotency.ts";
import { LoginThrottle } from "../lib/login-throttle.ts";
import { MemoryChallengeStore } from "../lib/passkeys/challenge-store.ts";
import { MemorySessionStore, newSessionId } from "../lib/session-store.ts";
import { CookieBox } from "../lib/step-up/cookie-box.ts";
import { MemorySingleUseStore, type SingleUseStore } from "../lib/step-up/single-use.ts";
import { remainingTtl } from "../middleware/session.ts";
import { createGrantMinter } from "./grants.ts";
import { ORIGIN, TEST_BINDING_KEY, TEST_COOKIE_KEYS, throttleOptions } from "./harness.ts";

// Tests that call core directly use its service token from here: only the harness imports core.
export { TEST_SERVICE_TOKEN };

/** A single-use store that also answers whether an id has been used, without using it. */
class RecordingSingleUseStore implements SingleUseStore {
  readonly used = new Set<string>();
  readonly #inner = new MemorySingleUseStore();
  async use(id: string, ttlMs: number) {
    const first = await this.#inner.use(id, ttlMs);
    if (first) this.used.add(id);
    return first;
  }
  async release(id: string) {
    this.used.delete(id);
    await this.#inner.release(id);
  }
}

/**
 * The BFF in-process in front of the REAL core (in-process too, on a fresh PGlite), so a
 * request the BFF lets through meets core's validation and PostgreSQL, as in production.
 * Opening a fresh PGlite and migrating it takes ~10 s: call once per test file.
 */
export async function createBffOnRealCore() {
  const database = await openPglite();
  await database.migrate();
  const core = await createTestCore({ enableTestApi: true, database });
  const now = () => Date.now();
  const sessions = new MemorySessionStore(now);
  const cookieBox = new CookieBox([TEST_COOKIE_KEYS.current, TEST_COOKIE_KEYS.old], now);
  const singleUse = new RecordingSingleUseStore();
  const config = {
    allowedOrigins: [ORIGIN],
    sessionIdleMs: 30 * 60_000,
    sessionAbsoluteMs: 12 * 3_600_000,
    requestTimeoutMs: 15_000,
    // Trusted, so the fuzzed X-Forwarded-For reaches core's audit trail as the client address.
    trustProxy: true,
    enableTestApi: false,
    stepUp: { challengeMs: 10 * 60_000, windowMs: 5 * 60_000, onceMs: 5 * 60_000, bindingKey: TEST_BINDING_KEY },
  };
  const app = createApp({
    config,
    cookieBox,
    singleUse,
    challenges: new MemoryChallengeStore(now),
    idempotency: new MemoryIdempotencyStore(now),
    core: createCoreClient({
      baseUrl: "http://core.test",
      serviceToken: TEST_SERVICE_TOKEN,
      timeoutMs: 15_000,
      fetch: async (input, init) => core.app.request(new Request(input, init)),
    }),
    sessions,
    loginThrottle: LoginThrottle.inMemory(throttleOptions()),
    logger: pino({ level: "silent" }),
    now,
    remoteAddress: () => "203.0.113.7",
  });

  /** A customer created through core's test-only seeding API (cash ¥1,000,000, a bank account). */
  async function createCustomer(options: Record<string, unknown> = {}) {
    const res = await core.call(TEST_CUSTOMERS_PATH, { method: "POST", json: options });
    if (res.status !== 201) throw new Error(`creating a test customer failed: ${res.status}`);
    return createTestCustomerResponseSchema.parse(await res.json());
  }

  type Customer = Awaited<ReturnType<typeof createCustomer>>;

  /** A session for the customer straight in the store (as a login would leave it): its cookie value. */
  async function openSession(customer: Customer) {
    const id = newSessionId();
    const t = now();
    const data = {
      customerId: customer.customer.id,
      customerCode: customer.customer.customerCode,
      name: customer.customer.name,
      createdAt: t,
      lastSeenAt: t,
    };
    await sessions.set(id, data, remainingTtl(data, config));
    return id;
  }

  const grants = createGrantMinter(cookieBox, now, config.stepUp);

  /** A new customer and a session for them: the session cookie, and its id (for minted grants). */
  async function customerWithSession() {
    const customer = await createCustomer();
    const sid = await openSession(customer);
    return { customer, sid, session: `__Host-kakunin-session=${sid}` };
  }

  /** A JSON request as the SPA sends it (same origin, CSRF header, a fresh Idempotency-Key unless given). */
  function send(path: string, method: string, json: unknown, cookies: string[], key: string = randomUUID()) {
    return app.request(path, {
      method,
      headers: {
        origin: ORIGIN,
        "x-csrf": "1",
        "content-type": "application/json",
        "idempotency-key": key,
        cookie: cookies.join("; "),
      },
      body: JSON.stringify(json),
    });
  }

  /**
   * Everything of the customer's that a refused request must leave as it was, as one text:
   * registered data, passwords, balances, orders, holdings, withdrawals, destination changes,
   * issued 認証コード and queued mail. Left out on purpose: the audit trail and the
   * execution-password counter and lock (a refused wrong password is audited and counts, R8,
   * R29), a code's wrong-entry count, and the lock mail the 9th wrong try sends.
   */
  async function snapshot(customerId: string): Promise<string> {
    const rows = (await core.db.execute(sql`
      select
        (select row(c.customer_code, c.name, c.name_kana, c.birth_date, c.phone, c.postal_code, c.address,
                    c.login_password_hash, c.execution_password_hash, c.initial_execution_password_enc)::text
           from customers c where c.id = ${customerId}) as customer,
        (select string_agg(t::text, '|' order by t::text) from password_history t where t.customer_id = ${customerId}) as history,
        (select string_agg(t::text, '|' order by t::text) from customer_emails t where t.customer_id = ${customerId}) as emails,
        (select string_agg(t::text, '|' order by t::text) from mail_settings t where t.customer_id = ${customerId}) as mail,
        (select string_agg(t::text, '|' order by t::text) from bank_accounts t where t.customer_id = ${customerId}) as banks,
        (select string_agg(t::text, '|' order by t::text) from bank_account_changes t where t.customer_id = ${customerId}) as bank_changes,
        (select string_agg(t::text, '|' order by t::text) from cash_balances t where t.customer_id = ${customerId}) as cash,
        (select string_agg(t::text, '|' order by t::text) from withdrawals t where t.customer_id = ${customerId}) as withdrawals,
        (select string_agg(t::text, '|' order by t::text) from orders t where t.customer_id = ${customerId}) as orders,
        (select string_agg(t::text, '|' order by t::text) from positions t where t.customer_id = ${customerId}) as positions,
        (select string_agg(t::text, '|' order by t::text) from margin_positions t where t.customer_id = ${customerId}) as margin,
        (select string_agg(row(t.id, t.operation, t.digest)::text, '|' order by t.id) from auth_codes t
          where t.customer_id = ${customerId}) as codes,
        (select string_agg(row(t.id, t.mail_type, t.to_address, t.subject, t.body_text)::text, '|' order by t.id) from outbox t
          where t.customer_id = ${customerId} and t.mail_type <> 'account_locked') as mail_out
    `)) as unknown as { rows: Record<string, unknown>[] };
    return JSON.stringify(rows.rows[0]);
  }

  /** An operator unlocks the customer (R8), so the fuzz keeps reaching past the lock. */
  async function unlock(customerCode: string) {
    const res = await core.call(`/ops/customers/${customerCode}/unlock`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_OPS_TOKEN}` },
      json: { operator: "fuzz" },
    });
    if (!res.ok) throw new Error(`unlock failed: ${res.status}`);
  }

  return {
    app,
    core,
    sessions,
    createCustomer,
    openSession,
    customerWithSession,
    send,
    ...grants,
    snapshot,
    unlock,
    /** Whether a grant id has been used up. */
    grantUsed: (jti: string) => singleUse.used.has(jti),
    close: () => core.close(),
  };
}

export type BffOnRealCore = Awaited<ReturnType<typeof createBffOnRealCore>>;

import { passwordResetCompletedSchema, passwordResetStartedSchema } from "@kakunin/contracts/password-reset";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deviceHashOf } from "../../lib/device.ts";
import { readAs, readError } from "../../test/harness.ts";
import { type BffOnRealCore, createBffOnRealCore } from "../../test/real-core.ts";
import { RESET_START_MIN_MS } from "./password-resets.handlers.ts";

const BIRTH_DATE = "1975-06-30";
const NEW_PASSWORD = "Mado4kumo7";
// The customer's own browser (a known device, decision 013): its logins need no 認証コード.
const DEVICE_ID = "D".repeat(43);
const deviceCookie = `__Host-kakunin-device=${DEVICE_ID}`;

/** The `name=value` of the reset cookie a response sets, if any. */
const resetCookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((h) => h.startsWith("__Host-kakunin-password-reset="))
    ?.split(";")[0];

describe("/api/password-resets (ログインパスワードをお忘れの方)", () => {
  let env: BffOnRealCore;
  beforeAll(async () => {
    env = await createBffOnRealCore();
  }, 60_000);
  afterAll(() => env.close());

  const newCustomer = () => env.createCustomer({ birthDate: BIRTH_DATE, knownDevices: [deviceHashOf(DEVICE_ID)] });

  async function start(customerCode: string, birthDate = BIRTH_DATE) {
    const began = performance.now();
    const res = await env.send("/api/password-resets", "POST", { customerCode, birthDate }, []);
    return { res, ms: performance.now() - began };
  }

  const complete = (cookie: string | undefined, code: string, newPassword = NEW_PASSWORD) =>
    env.send("/api/password-resets/completion", "POST", { code, newPassword }, cookie ? [cookie] : []);

  async function mailedCode(customerId: string): Promise<string> {
    const { rows } = (await env.core.db.execute(
      sql`select body_text from outbox where customer_id = ${customerId} order by id desc limit 1`,
    )) as unknown as { rows: { body_text: string }[] };
    const code = /認証コード: (\d{6})/.exec(rows[0]?.body_text ?? "")?.[1];
    if (!code) throw new Error("no code mailed");
    return code;
  }

  it("answers a match, a wrong birth date and an unknown code alike, never sooner than the floor", async () => {
    const { customer } = await newCustomer();
    const answers = [
      await start(customer.customerCode),
      await start(customer.customerCode, "1975-07-01"),
      await start("9999998"),
    ];
    const bodies = [];
    for (const { res, ms } of answers) {
      expect(res.status).toBe(200);
      expect(ms).toBeGreaterThanOrEqual(RESET_START_MIN_MS - 5);
      expect(resetCookieOf(res)).toBeDefined();
      const header = res.headers.getSetCookie().find((h) => h.startsWith("__Host-kakunin-password-reset="));
      expect(header).toMatch(/HttpOnly/i);
      expect(header).toMatch(/Secure/i);
      expect(header).toMatch(/SameSite=Strict/i);
      bodies.push(await readAs(res, passwordResetStartedSchema));
    }
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it("resets with the mailed code: every session of the customer ends, none starts, the new password logs in", async () => {
    const created = await newCustomer();
    const { customer } = created;
    const sessionA = await env.openSession(created);
    const sessionB = await env.openSession(created);
    const { res } = await start(customer.customerCode);
    const cookie = resetCookieOf(res);

    const done = await complete(cookie, await mailedCode(customer.id));
    expect(done.status).toBe(200);
    await readAs(done, passwordResetCompletedSchema);
    expect(await env.sessions.get(sessionA)).toBeUndefined();
    expect(await env.sessions.get(sessionB)).toBeUndefined();
    expect(done.headers.getSetCookie().some((h) => h.startsWith("__Host-kakunin-session="))).toBe(false);
    expect(done.headers.getSetCookie().find((h) => h.startsWith("__Host-kakunin-password-reset="))).toMatch(
      /Max-Age=0/,
    );

    const oldLogin = await env.send(
      "/api/session",
      "POST",
      { customerCode: customer.customerCode, password: created.loginPassword },
      [deviceCookie],
    );
    expect(oldLogin.status).toBe(401);
    const newLogin = await env.send(
      "/api/session",
      "POST",
      { customerCode: customer.customerCode, password: NEW_PASSWORD },
      [deviceCookie],
    );
    expect(newLogin.status).toBe(200);
  });

  it("refuses a completion without the cookie, or with the cookie of a start that matched nobody", async () => {
    const created = await newCustomer();
    await start(created.customer.customerCode);
    const code = await mailedCode(created.customer.id);
    const none = await complete(undefined, code);
    expect(none.status).toBe(422);
    expect((await readError(none)).code).toBe("password_reset_code_invalid");

    const { res } = await start(created.customer.customerCode, "2000-01-01");
    const mismatch = await complete(resetCookieOf(res), code);
    expect(mismatch.status).toBe(422);
    expect((await readError(mismatch)).code).toBe("password_reset_code_invalid");
    const forged = await complete("__Host-kakunin-password-reset=not-a-sealed-value", code);
    expect(forged.status).toBe(422);
  });

  it("is throttled like login, on the same keys: wrong birth dates block the code's logins too", async () => {
    const created = await newCustomer();
    const code = created.customer.customerCode;
    for (let i = 0; i < 5; i++) expect((await start(code, `1990-01-0${i + 1}`)).res.status).toBe(200);
    const blocked = await start(code);
    expect(blocked.res.status).toBe(429);
    expect((await readError(blocked.res)).code).toBe("rate_limited");
    const login = await env.send("/api/session", "POST", { customerCode: code, password: created.loginPassword }, []);
    expect(login.status).toBe(429);
  });

  it("bad input is a field error and changes nothing", async () => {
    const res = await env.send("/api/password-resets", "POST", { customerCode: "12", birthDate: "1975-13-40" }, []);
    expect(res.status).toBe(400);
    const error = await readError(res);
    expect(error.fields?.map((f) => f.path).sort()).toEqual(["birthDate", "customerCode"]);
    expect(resetCookieOf(res)).toBeUndefined();

    const weak = await complete(undefined, "12ab", "short");
    expect(weak.status).toBe(400);
    expect((await readError(weak)).fields?.map((f) => f.path)).toEqual(expect.arrayContaining(["code", "newPassword"]));
  });
});

import { sessionSchema } from "@kakunin/contracts/auth";
import { errorMessages } from "@kakunin/contracts/error-body";
import { localeBodySchema } from "@kakunin/contracts/locale";
import { describe, expect, it } from "vitest";
import { FAKE_DEVICE_CODE } from "../../test/fake-new-devices.ts";
import { cookiesOf, createTestBff, readAs, readError } from "../../test/harness.ts";

const LANG_COOKIE = /^__Host-kakunin-lang=(ja|en); Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Lax$/;

/** The language cookie a response sets, as the whole Set-Cookie line. */
const langCookieOf = (res: Response) => res.headers.getSetCookie().find((h) => h.startsWith("__Host-kakunin-lang="));

describe("GET /api/locale (R36)", () => {
  it("follows Accept-Language on a first visit, Japanese for a language it does not speak, and sets no cookie", async () => {
    const bff = createTestBff();
    const asked = async (acceptLanguage?: string) => {
      const res = await bff.request(
        "/api/locale",
        acceptLanguage ? { headers: { "accept-language": acceptLanguage } } : {},
      );
      expect(res.status).toBe(200);
      expect(langCookieOf(res)).toBeUndefined();
      return (await readAs(res, localeBodySchema)).locale;
    };
    expect(await asked("en-US,en;q=0.9")).toBe("en");
    expect(await asked("fr")).toBe("ja");
    expect(await asked("fr-FR,en;q=0.5")).toBe("en");
    expect(await asked()).toBe("ja");
    expect(await asked("ja,en;q=0.8")).toBe("ja");
  });

  it("prefers the language cookie over Accept-Language; a cookie it does not know is ignored", async () => {
    const bff = createTestBff();
    const withCookie = (cookie: string, acceptLanguage: string) =>
      bff.request("/api/locale", { cookies: [cookie], headers: { "accept-language": acceptLanguage } });
    expect(await readAs(await withCookie("__Host-kakunin-lang=ja", "en-US,en"), localeBodySchema)).toEqual({
      locale: "ja",
    });
    expect(await readAs(await withCookie("__Host-kakunin-lang=en", "ja"), localeBodySchema)).toEqual({ locale: "en" });
    expect(await readAs(await withCookie("__Host-kakunin-lang=fr", "en"), localeBodySchema)).toEqual({ locale: "en" });
  });
});

describe("PUT /api/locale (R36)", () => {
  it("sets the language cookie for a year (Secure, HttpOnly, SameSite=Lax) without calling core when nobody is logged in", async () => {
    const bff = createTestBff();
    const before = bff.core.received.length;
    const res = await bff.request("/api/locale", { method: "PUT", json: { locale: "en" } });
    expect(res.status).toBe(200);
    expect(await readAs(res, localeBodySchema)).toEqual({ locale: "en" });
    expect(langCookieOf(res)).toMatch(LANG_COOKIE);
    expect(langCookieOf(res)).toContain("__Host-kakunin-lang=en;");
    expect(bff.core.received.length).toBe(before);
  });

  it("is a write: without X-CSRF it is refused (403 csrf_failed) and nothing is set", async () => {
    const bff = createTestBff();
    const res = await bff.request("/api/locale", { method: "PUT", json: { locale: "en" }, headers: { "x-csrf": "0" } });
    expect(res.status).toBe(403);
    expect((await readError(res)).code).toBe("csrf_failed");
    expect(langCookieOf(res)).toBeUndefined();
  });

  it("refuses a language it does not speak with a field error, in the request's language", async () => {
    const bff = createTestBff();
    const ja = await bff.request("/api/locale", { method: "PUT", json: { locale: "fr" } });
    expect(ja.status).toBe(400);
    expect(await readError(ja)).toMatchObject({
      code: "validation_failed",
      message: errorMessages.validation_failed,
      fields: [{ path: "locale", message: "言語の指定が正しくありません。" }],
    });
    expect(langCookieOf(ja)).toBeUndefined();

    const en = await bff.request("/api/locale", {
      method: "PUT",
      json: { locale: "fr" },
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(await readError(en)).toMatchObject({
      code: "validation_failed",
      fields: [{ path: "locale", message: "Please choose a supported language (ja or en)." }],
    });
    const missing = await bff.request("/api/locale", { method: "PUT", json: {} });
    expect((await readError(missing)).fields?.[0]).toMatchObject({ path: "locale" });
  });

  it("logged in, stores the choice as the customer's preference in core and in the session", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const res = await bff.request("/api/locale", { method: "PUT", json: { locale: "en" }, cookie });
    expect(res.status).toBe(200);
    expect(langCookieOf(res)).toContain("__Host-kakunin-lang=en;");
    expect(bff.core.customers[0]?.locale).toBe("en");
    // The call to core carried the new language.
    expect(bff.core.received.at(-1)?.headers.get("accept-language")).toBe("en");
    const session = await readAs(await bff.request("/api/session", { cookie }), sessionSchema);
    expect(session).toMatchObject({ authenticated: true, locale: "en" });
  });

  it("with core down, the choice holds in this browser and the answer says the preference was not stored", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    bff.core.state.down = true;
    const res = await bff.request("/api/locale", { method: "PUT", json: { locale: "en" }, cookie });
    expect(res.status).toBe(503);
    expect((await readError(res)).code).toBe("upstream_unavailable");
    expect(langCookieOf(res)).toContain("__Host-kakunin-lang=en;");
    expect(bff.core.customers[0]?.locale).toBe("ja");
  });
});

describe("the customer's language at login (R36)", () => {
  it("sets the language cookie to the preference core stored, over the browser's", async () => {
    const bff = createTestBff();
    const customer = bff.core.customers[0];
    if (customer) customer.locale = "en";
    const res = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Kiso8pine3" },
      cookies: ["__Host-kakunin-lang=ja"],
    });
    expect(res.status).toBe(200);
    expect(langCookieOf(res)).toMatch(LANG_COOKIE);
    expect(langCookieOf(res)).toContain("__Host-kakunin-lang=en;");
    expect(await readAs(res, sessionSchema)).toMatchObject({ authenticated: true, locale: "en" });
  });

  it("a login from a new device takes the language when the 認証コード completes it", async () => {
    const bff = createTestBff();
    const customer = bff.core.customers[0];
    if (customer) customer.locale = "en";
    bff.core.newDevices.codeRequired.add("1000001");
    const device = `__Host-kakunin-device=${"C".repeat(43)}`;
    const first = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Kiso8pine3" },
      cookies: [device],
    });
    expect(first.status).toBe(403);
    expect(langCookieOf(first)).toBeUndefined();
    const pending = cookiesOf(first).find((c) => c.startsWith("__Host-kakunin-device-login=")) ?? "";
    const ok = await bff.request("/api/session/device-verification", {
      method: "POST",
      json: { code: FAKE_DEVICE_CODE },
      cookies: [device, pending],
    });
    expect(ok.status).toBe(200);
    expect(langCookieOf(ok)).toContain("__Host-kakunin-lang=en;");
    expect(await readAs(ok, sessionSchema)).toMatchObject({ locale: "en" });
  });

  it("a customer who chose Japanese gets Japanese, whatever the browser asked for", async () => {
    const bff = createTestBff();
    const res = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Kiso8pine3" },
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(200);
    expect(langCookieOf(res)).toContain("__Host-kakunin-lang=ja;");
    expect(await readAs(res, sessionSchema)).toMatchObject({ locale: "ja" });
  });
});

describe("error bodies in the request's language (R36)", () => {
  it("words a wrong login in English for Accept-Language: en or the language cookie, Japanese otherwise", async () => {
    const bff = createTestBff();
    const english = "The customer code or login password is incorrect.";
    const byHeader = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Wrong9pass" },
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(await readError(byHeader)).toMatchObject({ code: "invalid_credentials", message: english });
    const byCookie = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Wrong9pass" },
      cookies: ["__Host-kakunin-lang=en"],
      headers: { "accept-language": "ja" },
    });
    expect(await readError(byCookie)).toMatchObject({ code: "invalid_credentials", message: english });
    const japanese = await bff.login("1000001", "Wrong9pass");
    expect((await readError(japanese.res)).message).toBe(errorMessages.invalid_credentials);
  });

  it("words a middleware's field error in English", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const res = await bff.request("/api/me/withdrawals", {
      method: "POST",
      json: { amount: 1000, bankAccountId: "00000000-0000-4000-8000-000000000001" },
      cookie,
      cookies: ["__Host-kakunin-lang=en"],
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields).toEqual([
      { path: "Idempotency-Key", message: "The Idempotency-Key header is required." },
    ]);
  });

  it("sends the request's language to core as Accept-Language", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    await bff.request("/api/me/notices", { cookie, cookies: ["__Host-kakunin-lang=en"] });
    expect(bff.core.received.at(-1)?.headers.get("accept-language")).toBe("en");
    await bff.request("/api/me/notices", { cookie, headers: { "accept-language": "fr" } });
    expect(bff.core.received.at(-1)?.headers.get("accept-language")).toBe("ja");
  });
});

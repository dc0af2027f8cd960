import { createHash } from "node:crypto";
import { errorMessages } from "@kakunin/contracts/error-body";
import { profileSchema } from "@kakunin/contracts/registered-info";
import { stepUpChallengeSchema } from "@kakunin/contracts/step-up";
import { describe, expect, it } from "vitest";
import { CookieBox } from "../../lib/step-up/cookie-box.ts";
import { operationDigest, sessionBinding } from "../../lib/step-up/digest.ts";
import { loggedInBrowser } from "../../test/browser.ts";
import { fakeAssertion, stepUpPasskeyChallenge } from "../../test/fake-passkeys.ts";
import { cookiesOf, createTestBff, readAs, readError, TEST_BINDING_KEY, TEST_COOKIE_KEYS } from "../../test/harness.ts";

/** Logs in and returns a cookie jar that follows Set-Cookie like a browser. */
const browser = loggedInBrowser;

const confirm = async (b: Awaited<ReturnType<typeof browser>>, operation: string, payload: object, body: object) => {
  const start = await b.request("/api/step-up/challenges", { method: "POST", json: { operation, payload } });
  expect(start.status).toBe(200);
  return b.request("/api/step-up/verifications", { method: "POST", json: body });
};

const change = { postalCode: "160-0022", address: "東京都新宿区新宿3-1-1", phone: "090-2222-3333" };
const idem = (key: string) => ({ "idempotency-key": key.padEnd(16, "x") });

describe("step-up: viewing registered information (window grant)", () => {
  it("answers 403 step_up_required with the methods core asks for (R35)", async () => {
    const bff = createTestBff();
    bff.core.stepUp.methods = ["execution_password", "auth_code"];
    const b = await browser(bff);
    const res = await b.request("/api/me/profile");
    expect(res.status).toBe(403);
    expect(await readError(res)).toMatchObject({
      code: "step_up_required",
      stepUp: { operation: "view_registered_info", methods: ["execution_password", "auth_code"], maxAgeSeconds: 300 },
    });
  });

  it("before enforcement (nothing required) the screens open without a step-up", async () => {
    const bff = createTestBff();
    bff.core.stepUp.methods = [];
    const b = await browser(bff);
    expect((await b.request("/api/me/profile")).status).toBe(200);
  });

  it("a challenge sends the code when required; the grant opens every screen for 5 minutes, then ends", async () => {
    const bff = createTestBff();
    bff.core.stepUp.methods = ["execution_password", "auth_code"];
    const b = await browser(bff);
    const start = await b.request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "view_registered_info", payload: {} },
    });
    expect(await readAs(start, stepUpChallengeSchema)).toMatchObject({
      methods: ["execution_password", "auth_code"],
      codeSentTo: "h***@example.jp",
    });
    expect(bff.core.calls.issueAuthCode).toBe(1);
    // The pending confirmation lives in an encrypted httpOnly __Host- cookie the SPA cannot read.
    expect(start.headers.getSetCookie().join()).toMatch(
      /^__Host-kakunin-stepup=[^;]+; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Strict/,
    );
    expect(cookiesOf(start).join()).not.toContain("view_registered_info");

    const wrongCode = await b.request("/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x", authCode: "000000" },
    });
    expect(await readError(wrongCode)).toMatchObject({ code: "wrong_auth_code", remainingCodeAttempts: 4 });
    const ok = await b.request("/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x", authCode: "123456" },
    });
    expect(ok.status).toBe(204);
    expect((await b.request("/api/me/profile")).status).toBe(200);
    expect((await b.request("/api/me/emails")).status).not.toBe(403);

    bff.clock.now += 5 * 60_000;
    expect((await readError(await b.request("/api/me/profile"))).code).toBe("step_up_required");
  });

  it("a wrong execution password passes the remaining tries through", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    const res = await confirm(b, "view_registered_info", {}, { executionPassword: "Wrong1x" });
    expect(res.status).toBe(422);
    expect(await readError(res)).toMatchObject({ code: "wrong_execution_password", remainingAttempts: 8 });
    expect((await b.request("/api/me/profile")).status).toBe(403);
  });

  it("a locked customer is refused when the confirmation opens: 423, no code mailed, no pending cookie", async () => {
    const bff = createTestBff();
    bff.core.stepUp.methods = ["execution_password", "auth_code"];
    bff.core.credentials.attempts = 9;
    const b = await browser(bff);
    const start = await b.request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "view_registered_info", payload: {} },
    });
    expect(start.status).toBe(423);
    expect(await readError(start)).toMatchObject({
      code: "account_locked",
      message: errorMessages.account_locked,
      remainingAttempts: 0,
    });
    expect(bff.core.calls.issueAuthCode).toBe(0);
    expect(start.headers.getSetCookie().filter((h) => h.startsWith("__Host-kakunin-stepup="))).toEqual([]);
    // Nothing is pending, so there is nothing to submit the password against.
    const verify = await b.request("/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x", authCode: "123456" },
    });
    expect(verify.status).toBe(409);
    expect((await readError(verify)).code).toBe("step_up_missing");
  });

  it("before enforcement (no execution password asked) a locked customer still gets the code", async () => {
    const bff = createTestBff();
    bff.core.stepUp.methods = ["auth_code"];
    bff.core.credentials.attempts = 9;
    const b = await browser(bff);
    const start = await b.request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "view_registered_info", payload: {} },
    });
    expect(start.status).toBe(200);
    expect(await readAs(start, stepUpChallengeSchema)).toMatchObject({
      methods: ["auth_code"],
      codeSentTo: "h***@example.jp",
    });
    expect(bff.core.calls.issueAuthCode).toBe(1);
  });

  it("a code-resend refusal passes core's own code and wording through (issue 13 §4)", async () => {
    const bff = createTestBff();
    bff.core.stepUp.methods = ["execution_password", "auth_code"];
    const b = await browser(bff);
    for (const code of ["auth_code_resend_too_soon", "auth_code_resend_limit"] as const) {
      bff.core.stepUp.issueRefusal = code;
      const res = await b.request("/api/step-up/challenges", {
        method: "POST",
        json: { operation: "view_registered_info", payload: {} },
      });
      expect(res.status).toBe(429);
      expect(await readError(res)).toMatchObject({ code, message: errorMessages[code] });
    }
  });

  it("a code core reuses for the same confirmation is said on the challenge, which can be verified (issue 17 B1)", async () => {
    const bff = createTestBff();
    bff.core.stepUp.methods = ["execution_password", "auth_code"];
    const reused = { sentAt: "2026-11-25T00:00:00.000Z", resendAt: "2026-11-25T00:01:00.000Z" };
    bff.core.stepUp.reused = reused;
    const b = await browser(bff);
    const start = await b.request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "view_registered_info", payload: {} },
    });
    expect(await readAs(start, stepUpChallengeSchema)).toMatchObject({
      codeSentTo: "h***@example.jp",
      codeReused: reused,
    });
    const verify = await b.request("/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x", authCode: "123456" },
    });
    expect(verify.status).toBe(204);
  });

  it("verifying without a started confirmation is step_up_missing", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    const res = await b.request("/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x" },
    });
    expect(res.status).toBe(409);
    expect((await readError(res)).code).toBe("step_up_missing");
  });
});

describe("step-up cookies", () => {
  it("a tampered grant is refused", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    await confirm(b, "view_registered_info", {}, { executionPassword: "Rk7m2x" });
    const tampered = b.jar().map((c) => (c.startsWith("__Host-kakunin-grant-window=") ? `${c.slice(0, -4)}AAAA` : c));
    const res = await bff.request("/api/me/profile", { cookie: b.cookie, cookies: tampered });
    expect(res.status).toBe(403);
  });

  it("a grant of another session is refused", async () => {
    const bff = createTestBff();
    const a = await browser(bff);
    await confirm(a, "view_registered_info", {}, { executionPassword: "Rk7m2x" });
    const other = await bff.login();
    const res = await bff.request("/api/me/profile", { cookie: other.cookie, cookies: a.jar() });
    expect(res.status).toBe(403);
    // and after logout and a new login in the same browser
    await a.request("/api/session", { method: "DELETE" });
    const again = await bff.login();
    expect((await bff.request("/api/me/profile", { cookie: again.cookie, cookies: a.jar() })).status).toBe(403);
  });

  it("a grant forged with a known cookie key but without the server's binding secret is refused (F1)", async () => {
    // The attacker knows a cookie key (as when the demo key was in the repository) and their own
    // session id; the binding is an HMAC under a server secret they do not have.
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const box = new CookieBox([TEST_COOKIE_KEYS.current], () => bff.clock.now);
    const until = bff.clock.now + 60_000;
    const forge = async (sid: string) => {
      const grant = await box.seal({ ops: { view_registered_info: until }, sid }, until);
      return bff.request("/api/me/profile", { cookie, cookies: [`__Host-kakunin-grant-window=${grant}`] });
    };
    const computable = createHash("sha256").update(`step-up:${cookie}`).digest("base64url");
    const forged = await forge(computable);
    expect(forged.status).toBe(403);
    expect((await readError(forged)).code).toBe("step_up_required");
    // Control: the same cookie bound with the server's secret opens, so only the binding refused it.
    expect((await forge(sessionBinding(TEST_BINDING_KEY, cookie ?? ""))).status).toBe(200);
  });

  it("keys rotate: a grant sealed with the old key still opens; one sealed with a retired key does not", async () => {
    const bff = createTestBff({ cookieKeys: [TEST_COOKIE_KEYS.old] });
    const b = await browser(bff);
    await confirm(b, "view_registered_info", {}, { executionPassword: "Rk7m2x" });
    const box = (keys: (typeof TEST_COOKIE_KEYS)["old"][]) => new CookieBox(keys, () => bff.clock.now);
    const grant =
      b
        .jar()
        .find((c) => c.startsWith("__Host-kakunin-grant-window="))
        ?.split("=")[1] ?? "";
    expect(await box([TEST_COOKIE_KEYS.current, TEST_COOKIE_KEYS.old]).open(grant)).not.toBeNull();
    expect(await box([TEST_COOKIE_KEYS.current]).open(grant)).toBeNull();
    // New grants are sealed with the current key.
    const fresh = await box([TEST_COOKIE_KEYS.current, TEST_COOKIE_KEYS.old]).seal({ a: 1 }, bff.clock.now + 60_000);
    expect(JSON.parse(Buffer.from(fresh.split(".")[0] ?? "", "base64url").toString()).kid).toBe("k2");
  });

  it("an expired pending confirmation cannot be verified", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    await b.request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "view_registered_info", payload: {} },
    });
    bff.clock.now += 10 * 60_000 + 1_000;
    const res = await b.request("/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x" },
    });
    expect((await readError(res)).code).toBe("step_up_missing");
  });
});

describe("step-up: changes (once grant bound to the confirmed fields)", () => {
  it("runs exactly the confirmed change, once", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    expect((await b.request("/api/me/profile", { method: "PUT", json: change, headers: idem("k-1") })).status).toBe(
      403,
    );

    await confirm(b, "change_profile", change, { executionPassword: "Rk7m2x" });
    const res = await b.request("/api/me/profile", { method: "PUT", json: change, headers: idem("k-1") });
    expect(res.status).toBe(200);
    expect((await readAs(res, profileSchema)).address).toBe(change.address);
    expect(bff.core.calls.changeProfile).toBe(1);
  });

  it("a changed field after confirmation needs a new step-up (R26)", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    await confirm(b, "change_profile", change, { executionPassword: "Rk7m2x" });
    const altered = { ...change, address: "東京都港区六本木6-10-1" };
    const res = await b.request("/api/me/profile", { method: "PUT", json: altered, headers: idem("k-2") });
    expect(res.status).toBe(403);
    expect(bff.core.calls.changeProfile).toBe(0);
  });

  it("normalised values match: the postal code with or without a hyphen is the same confirmation", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    await confirm(b, "change_profile", { ...change, postalCode: "1600022" }, { executionPassword: "Rk7m2x" });
    const res = await b.request("/api/me/profile", { method: "PUT", json: change, headers: idem("k-3") });
    expect(res.status).toBe(200);
  });

  it("a replayed grant after use is refused", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    await confirm(b, "change_profile", change, { executionPassword: "Rk7m2x" });
    const before = b.jar();
    expect((await b.request("/api/me/profile", { method: "PUT", json: change, headers: idem("k-4") })).status).toBe(
      200,
    );
    // An attacker (or a bug) presents the used grant cookie again, with a new key.
    const replay = await bff.request("/api/me/profile", {
      method: "PUT",
      json: change,
      cookie: b.cookie,
      cookies: before,
      headers: idem("k-5"),
    });
    expect(replay.status).toBe(403);
    expect(bff.core.calls.changeProfile).toBe(1);
  });

  it("a double submit with the same Idempotency-Key executes once and answers twice", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    await confirm(b, "change_profile", change, { executionPassword: "Rk7m2x" });
    const [first, second] = await Promise.all([
      b.request("/api/me/profile", { method: "PUT", json: change, headers: idem("k-6") }),
      b.request("/api/me/profile", { method: "PUT", json: change, headers: idem("k-6") }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.json()).toEqual(await first.json());
    expect(bff.core.calls.changeProfile).toBe(1);
    const later = await b.request("/api/me/profile", { method: "PUT", json: change, headers: idem("k-6") });
    expect(later.status).toBe(200);
    expect(later.headers.get("idempotent-replay")).toBe("true");
    expect(bff.core.calls.changeProfile).toBe(1);
  });

  it("the final request needs an Idempotency-Key", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    const res = await b.request("/api/me/profile", { method: "PUT", json: change });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields?.[0]?.path).toBe("Idempotency-Key");
  });
});

describe("step-up: passkey", () => {
  /** A confirmation of the registered-information view asking for the 執行パスワード and a passkey. */
  async function started() {
    const bff = createTestBff();
    bff.core.stepUp.methods = ["execution_password", "passkey"];
    const b = await browser(bff);
    const start = await b.request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "view_registered_info", payload: {} },
    });
    expect(start.status).toBe(200);
    const challenge = await readAs(start, stepUpChallengeSchema);
    const options = challenge.passkeyOptions;
    if (!options) throw new Error("no passkey options");
    const pending = b.jar().find((c) => c.startsWith("__Host-kakunin-stepup="));
    if (!pending) throw new Error("no pending confirmation");
    const verify = (executionPassword = "Rk7m2x", signed = options.challenge, cookies: string[] = []) =>
      b.request("/api/step-up/verifications", {
        method: "POST",
        json: { executionPassword, passkey: fakeAssertion(signed) },
        cookies,
      });
    return { bff, b, options, pending, verify };
  }

  it("the options' challenge is derived from a nonce kept in the sealed pending cookie and the digest", async () => {
    const { bff, options, pending } = await started();
    const digest = operationDigest("view_registered_info", {});
    const [sent] = bff.core.passkeys.bodies.authenticationOptions as { challenge: string }[];
    expect(sent).toEqual({
      challenge: expect.stringMatching(/^[\w-]{43}$/),
      customerId: bff.core.customers[0]?.id,
      digest,
    });
    expect(options.challenge).toBe(stepUpPasskeyChallenge(sent?.challenge ?? "", digest));
    // The nonce is in the pending confirmation, encrypted: the browser cannot read it.
    expect(pending).not.toContain(sent?.challenge);
  });

  it("a confirmation without the passkey answers passkeyOptions null", async () => {
    const bff = createTestBff();
    const b = await browser(bff);
    const start = await b.request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "view_registered_info", payload: {} },
    });
    expect(await readAs(start, stepUpChallengeSchema)).toMatchObject({ passkeyOptions: null });
    expect(bff.core.passkeys.calls.authenticationOptions).toBe(0);
  });

  it("grants with the assertion; replaying it (with the old pending cookie) is refused before core", async () => {
    const { bff, b, pending, verify } = await started();
    expect((await verify()).status).toBe(204);
    expect((await b.request("/api/me/profile")).status).toBe(200);
    expect(bff.core.passkeys.calls.stepUpAssertions).toBe(1);
    const replay = await verify("Rk7m2x", undefined, [pending]);
    expect(replay.status).toBe(409);
    expect(await readError(replay)).toMatchObject({ code: "passkey_challenge_expired" });
    expect(bff.core.passkeys.calls.stepUpAssertions).toBe(1);
  });

  it("a double submit reaches core once: one grant, one 409", async () => {
    const { bff, verify } = await started();
    const statuses = (await Promise.all([verify(), verify()])).map((r) => r.status).sort();
    expect(statuses).toEqual([204, 409]);
    expect(bff.core.passkeys.calls.stepUpAssertions).toBe(1);
    expect(bff.core.received.filter((r) => r.url.endsWith("/step-up-verifications")).length).toBe(1);
  });

  it("a wrong 執行パスワード leaves the assertion usable: corrected, the same assertion is granted", async () => {
    const { bff, verify } = await started();
    const wrong = await verify("Xx9xx9");
    expect(await readError(wrong)).toMatchObject({ code: "wrong_execution_password" });
    expect((await verify()).status).toBe(204);
    expect(bff.core.passkeys.calls.stepUpAssertions).toBe(1);
  });

  it("a wrong 認証コード (checked before the passkey) leaves the assertion usable: corrected, it is granted", async () => {
    const bff = createTestBff();
    bff.core.stepUp.methods = ["execution_password", "passkey", "auth_code"];
    const b = await browser(bff);
    const start = await b.request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "view_registered_info", payload: {} },
    });
    const signed = (await readAs(start, stepUpChallengeSchema)).passkeyOptions?.challenge ?? "";
    const send = (authCode: string) =>
      b.request("/api/step-up/verifications", {
        method: "POST",
        json: { executionPassword: "Rk7m2x", passkey: fakeAssertion(signed), authCode },
      });
    expect(await readError(await send("000000"))).toMatchObject({ code: "wrong_auth_code" });
    // Core refused the code before it evaluated the assertion: nothing was used up.
    expect(bff.core.passkeys.calls.stepUpAssertions).toBe(0);
    expect((await send(bff.core.stepUp.code)).status).toBe(204);
    expect(bff.core.passkeys.calls.stepUpAssertions).toBe(1);
  });

  it("an assertion core refused is not sent again; one signed for another confirmation is refused by core", async () => {
    const { bff, verify } = await started();
    const other = stepUpPasskeyChallenge("A".repeat(43), operationDigest("view_registered_info", {}));
    const refused = await verify("Rk7m2x", other);
    expect(await readError(refused)).toMatchObject({ code: "passkey_challenge_expired" });
    expect(bff.core.passkeys.calls.stepUpAssertions).toBe(1);
    expect((await verify()).status).toBe(409);
    expect(bff.core.passkeys.calls.stepUpAssertions).toBe(1);
  });
});

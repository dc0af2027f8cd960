import { verifyPasskeyAssertionResponseSchema } from "@kakunin/contracts/core-api";
import { authenticationResponseSchema, passkeyListSchema, passkeyViewSchema } from "@kakunin/contracts/passkeys";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passkeyCredentials } from "../../db/schema.ts";
import { userHandleOf } from "../../domain/passkeys/common.ts";
import { createHanako, createTaro } from "../../test/customers.ts";
import { auditsOf, mailsOf } from "../../test/rows.ts";
import { type CeremonyOptions, newChallenge, SoftAuthenticator } from "../../test/soft-authenticator.ts";
import {
  createTestCore,
  readAs,
  readError,
  TEST_OPS_TOKEN,
  TEST_WEBAUTHN,
  testBackends,
  testClient,
} from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const ORIGIN = TEST_WEBAUTHN.origins[0] ?? "";
const AT = new Date("2026-11-25T10:00:00+09:00");
const ceremony = (challenge: string, over: Partial<CeremonyOptions> = {}): CeremonyOptions => ({
  challenge,
  origin: ORIGIN,
  rpId: TEST_WEBAUTHN.rpId,
  ...over,
});

async function newCustomer(core: Core, who: "taro" | "hanako" = "taro") {
  const c = await (who === "taro" ? createTaro(core) : createHanako(core));
  core.services.clock.set(c.id, AT);
  return c;
}

/** Registers through core's routes as the BFF would: options for its challenge, then the response. */
async function register(
  core: Core,
  customerId: string,
  authenticator: SoftAuthenticator,
  over: Partial<CeremonyOptions> & { name?: string; expectedChallenge?: string } = {},
) {
  const challenge = newChallenge();
  const options = await core.call(`/v1/customers/${customerId}/passkey-registration-options`, {
    method: "POST",
    json: { challenge },
  });
  expect(options.status).toBe(200);
  const response = authenticator.register({ ...ceremony(challenge, over), userHandle: userHandleOf(customerId) });
  return core.call(`/v1/customers/${customerId}/passkeys`, {
    method: "POST",
    json: {
      response,
      expectedChallenge: over.expectedChallenge ?? challenge,
      name: over.name ?? "iPhone",
      client: testClient,
    },
  });
}

const assertWith = (core: Core, json: { response: unknown; expectedChallenge: string; customerId?: string }) =>
  core.call("/v1/passkey-assertions", { method: "POST", json: { ...json, client: testClient } });

const stored = (core: Core, customerId: string) =>
  core.db.select().from(passkeyCredentials).where(eq(passkeyCredentials.customerId, customerId));

describe.each(testBackends)("passkeys on $name (issue 14)", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  describe("registration", () => {
    it("options: our RP, discoverable, UV required, no attestation, the BFF's challenge, own passkeys excluded", async () => {
      const c = await newCustomer(core);
      const first = new SoftAuthenticator();
      expect((await register(core, c.id, first)).status).toBe(201);
      const challenge = newChallenge();
      const res = await core.call(`/v1/customers/${c.id}/passkey-registration-options`, {
        method: "POST",
        json: { challenge },
      });
      expect(await res.json()).toMatchObject({
        challenge,
        rp: { id: TEST_WEBAUTHN.rpId, name: TEST_WEBAUTHN.rpName },
        user: { name: c.customerCode, displayName: "試験 太郎" },
        attestation: "none",
        authenticatorSelection: { residentKey: "required", userVerification: "required" },
        excludeCredentials: [{ id: first.id, type: "public-key" }],
      });
    });

    it("stores a verified passkey, audits it and always mails パスキー登録通知", async () => {
      const c = await newCustomer(core);
      const res = await register(core, c.id, new SoftAuthenticator(), { name: "仕事用 MacBook" });
      expect(res.status).toBe(201);
      const view = await readAs(res, passkeyViewSchema);
      expect(view).toMatchObject({ name: "仕事用 MacBook", synced: false, suspended: false, lastUsedAt: null });
      const list = await readAs(await core.call(`/v1/customers/${c.id}/passkeys`), passkeyListSchema);
      expect(list.passkeys).toEqual([view]);
      expect((await auditsOf(core, c.id, "passkey_register")).map((e) => e.outcome)).toEqual(["success"]);
      const queued = await mailsOf(core, c.id);
      expect(queued.map((m) => [m.mailType, m.subject])).toEqual([
        ["passkey_registered", "【kakunin証券】パスキーを登録しました"],
      ]);
      expect(queued[0]?.bodyText).toContain("パスキー名: 仕事用 MacBook");
    });

    it("a synced passkey shows as synced", async () => {
      const c = await newCustomer(core);
      const res = await register(core, c.id, new SoftAuthenticator({ synced: true }));
      expect((await readAs(res, passkeyViewSchema)).synced).toBe(true);
    });

    it.each([
      ["another challenge (replayed or expired)", { expectedChallenge: newChallenge() }],
      ["a wrong origin", { origin: "https://kakunin-login.example" }],
      ["a wrong RP ID", { rpId: "evil.test" }],
      ["no user verification", { userVerified: false }],
    ])("refuses %s with passkey_invalid, stores and mails nothing, audits the failure", async (_, over) => {
      const c = await newCustomer(core);
      const res = await register(core, c.id, new SoftAuthenticator(), over);
      expect(res.status).toBe(422);
      expect(await readError(res)).toMatchObject({
        code: "passkey_invalid",
        message: "パスキーを確認できませんでした。もう一度お試しください。",
      });
      expect(await stored(core, c.id)).toHaveLength(0);
      expect(await mailsOf(core, c.id)).toHaveLength(0);
      expect((await auditsOf(core, c.id, "passkey_register")).map((e) => e.outcome)).toEqual(["failure"]);
    });

    it("refuses the 11th passkey with passkey_limit", async () => {
      const c = await newCustomer(core);
      for (let i = 0; i < 10; i++) expect((await register(core, c.id, new SoftAuthenticator())).status).toBe(201);
      const options = await core.call(`/v1/customers/${c.id}/passkey-registration-options`, {
        method: "POST",
        json: { challenge: newChallenge() },
      });
      expect((await readError(options)).code).toBe("passkey_limit");
      // A response obtained anyway (options fetched before the 10th) is refused too.
      const challenge = newChallenge();
      const eleventh = await core.call(`/v1/customers/${c.id}/passkeys`, {
        method: "POST",
        json: {
          response: new SoftAuthenticator().register(ceremony(challenge)),
          expectedChallenge: challenge,
          name: "11本目",
          client: testClient,
        },
      });
      expect(eleventh.status).toBe(409);
      expect(await readError(eleventh)).toMatchObject({
        code: "passkey_limit",
        message: "パスキーは10件まで登録できます。不要なパスキーを削除してから登録してください。",
      });
      expect(await stored(core, c.id)).toHaveLength(10);
      expect((await mailsOf(core, c.id)).filter((m) => m.mailType === "passkey_registered")).toHaveLength(10);
    });

    it("12 parallel registrations store at most 10", async () => {
      const c = await newCustomer(core);
      const responses = await Promise.all(
        Array.from({ length: 12 }, async () => {
          const challenge = newChallenge();
          const response = new SoftAuthenticator().register(ceremony(challenge));
          return core.call(`/v1/customers/${c.id}/passkeys`, {
            method: "POST",
            json: { response, expectedChallenge: challenge, name: "鍵", client: testClient },
          });
        }),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.filter((s) => s === 409)).toHaveLength(2);
      expect(await stored(core, c.id)).toHaveLength(10);
      expect((await mailsOf(core, c.id)).filter((m) => m.mailType === "passkey_registered")).toHaveLength(10);
    });

    it("refuses a malformed response, and answers 404 for an unknown customer", async () => {
      const c = await newCustomer(core);
      const bad = await core.call(`/v1/customers/${c.id}/passkeys`, {
        method: "POST",
        json: { response: { id: "x" }, expectedChallenge: newChallenge(), name: "", client: testClient },
      });
      expect(bad.status).toBe(400);
      const unknown = await core.call(`/v1/customers/${crypto.randomUUID()}/passkey-registration-options`, {
        method: "POST",
        json: { challenge: newChallenge() },
      });
      expect(unknown.status).toBe(404);
    });
  });

  describe("assertion", () => {
    async function withPasskey(kind = { synced: false }) {
      const c = await newCustomer(core);
      const authenticator = new SoftAuthenticator(kind);
      expect((await register(core, c.id, authenticator)).status).toBe(201);
      return { c, authenticator };
    }

    it("verifies a passkey login (no customer given) and a step-up (customer given); updates counter and last use", async () => {
      const { c, authenticator } = await withPasskey();
      const login = newChallenge();
      const res = await assertWith(core, { response: authenticator.assert(ceremony(login)), expectedChallenge: login });
      expect(res.status).toBe(200);
      const body = await readAs(res, verifyPasskeyAssertionResponseSchema);
      expect(body.customerId).toBe(c.id);
      const stepUp = newChallenge();
      const again = await assertWith(core, {
        response: authenticator.assert(ceremony(stepUp)),
        expectedChallenge: stepUp,
        customerId: c.id,
      });
      expect(again.status).toBe(200);
      const [row] = await stored(core, c.id);
      expect(row?.signCount).toBe(2);
      expect(row?.lastUsedAt?.toISOString()).toBe(AT.toISOString());
      expect((await auditsOf(core, c.id, "passkey_assertion")).map((e) => e.outcome)).toEqual(["success", "success"]);
    });

    it("options for a step-up allow only the customer's passkeys, for the BFF's challenge", async () => {
      const { c, authenticator } = await withPasskey();
      const challenge = newChallenge();
      const res = await core.call("/v1/passkey-authentication-options", {
        method: "POST",
        json: { challenge, customerId: c.id },
      });
      expect(await res.json()).toMatchObject({
        challenge,
        rpId: TEST_WEBAUTHN.rpId,
        userVerification: "required",
        allowCredentials: [{ id: authenticator.id, type: "public-key" }],
      });
    });

    it.each([
      ["a replayed assertion (another challenge)", "challenge", "passkey_challenge_expired"],
      ["a wrong origin", "origin", "passkey_invalid"],
      ["a wrong RP ID", "rpId", "passkey_invalid"],
      ["no user verification", "uv", "passkey_invalid"],
    ] as const)("refuses %s, changes nothing, audits the failure", async (_, bend, code) => {
      const { c, authenticator } = await withPasskey();
      const challenge = newChallenge();
      const signed = newChallenge();
      const response = authenticator.assert(
        ceremony(bend === "challenge" ? signed : challenge, {
          ...(bend === "origin" ? { origin: "https://kakunin-login.example" } : {}),
          ...(bend === "rpId" ? { rpId: "evil.test" } : {}),
          ...(bend === "uv" ? { userVerified: false } : {}),
        }),
      );
      const res = await assertWith(core, { response, expectedChallenge: challenge });
      expect(res.status).toBe(422);
      expect((await readError(res)).code).toBe(code);
      const [row] = await stored(core, c.id);
      expect(row).toMatchObject({ signCount: 0, lastUsedAt: null, suspendedAt: null });
      expect((await auditsOf(core, c.id, "passkey_assertion")).map((e) => e.outcome)).toEqual(["failure"]);
    });

    it("a replay of an accepted assertion is refused", async () => {
      const { authenticator } = await withPasskey();
      const challenge = newChallenge();
      const response = authenticator.assert(ceremony(challenge));
      expect((await assertWith(core, { response, expectedChallenge: challenge })).status).toBe(200);
      // The BFF spent that challenge; the replay arrives with the next one it issued.
      const res = await assertWith(core, { response, expectedChallenge: newChallenge() });
      expect((await readError(res)).code).toBe("passkey_challenge_expired");
    });

    it("refuses an unknown (or deleted) credential with passkey_unknown", async () => {
      const challenge = newChallenge();
      const stranger = new SoftAuthenticator();
      const res = await assertWith(core, {
        response: stranger.assert(ceremony(challenge)),
        expectedChallenge: challenge,
      });
      expect(res.status).toBe(422);
      expect(await readError(res)).toMatchObject({
        code: "passkey_unknown",
        message: "このパスキーは登録されていません。削除されたか、別の口座のパスキーです。",
      });
    });

    it("refuses another customer's credential on a step-up, audited on the customer who asked", async () => {
      const { authenticator } = await withPasskey();
      const other = await newCustomer(core, "hanako");
      const challenge = newChallenge();
      const res = await assertWith(core, {
        response: authenticator.assert(ceremony(challenge)),
        expectedChallenge: challenge,
        customerId: other.id,
      });
      expect((await readError(res)).code).toBe("passkey_unknown");
      const [event] = await auditsOf(core, other.id, "passkey_assertion");
      expect(event).toMatchObject({ outcome: "failure", detail: { reason: "other_customers_credential" } });
    });

    it("a counter regression on a device-bound passkey suspends it, mails, audits and refuses; then it stays refused", async () => {
      const { c, authenticator } = await withPasskey();
      for (let i = 0; i < 3; i++) {
        const ch = newChallenge();
        expect(
          (await assertWith(core, { response: authenticator.assert(ceremony(ch)), expectedChallenge: ch })).status,
        ).toBe(200);
      }
      const clone = newChallenge();
      const res = await assertWith(core, {
        response: authenticator.assert(ceremony(clone, { signCount: 2 })),
        expectedChallenge: clone,
      });
      expect(res.status).toBe(403);
      expect((await readError(res)).code).toBe("passkey_suspended");
      const [row] = await stored(core, c.id);
      expect(row?.suspendedAt).not.toBeNull();
      expect(row?.signCount).toBe(3);
      expect((await mailsOf(core, c.id)).map((m) => m.mailType)).toContain("passkey_suspended");
      const failures = (await auditsOf(core, c.id, "passkey_assertion")).filter((e) => e.outcome === "failure");
      expect(failures.map((e) => (e.detail as { reason: string }).reason)).toEqual(["counter_regression"]);
      const list = await readAs(await core.call(`/v1/customers/${c.id}/passkeys`), passkeyListSchema);
      expect(list.passkeys[0]?.suspended).toBe(true);

      const next = newChallenge();
      const after = await assertWith(core, { response: authenticator.assert(ceremony(next)), expectedChallenge: next });
      expect((await readError(after)).code).toBe("passkey_suspended");
    });

    it("a clone racing the original with the same counter: one passes, the other suspends the passkey", async () => {
      const { c, authenticator } = await withPasskey();
      const [first, second] = [newChallenge(), newChallenge()];
      // Both sign counter 1, as an authenticator and its copy would; neither has been seen yet.
      const answers = await Promise.all(
        [first, second].map((ch) =>
          assertWith(core, { response: authenticator.assert(ceremony(ch, { signCount: 1 })), expectedChallenge: ch }),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 403]);
      const [row] = await stored(core, c.id);
      expect(row?.signCount).toBe(1);
      expect(row?.suspendedAt).not.toBeNull();
      expect((await mailsOf(core, c.id)).filter((m) => m.mailType === "passkey_suspended")).toHaveLength(1);
    });

    it("a forged low counter without a valid signature suspends nothing", async () => {
      const { c, authenticator } = await withPasskey();
      const ch = newChallenge();
      expect(
        (await assertWith(core, { response: authenticator.assert(ceremony(ch)), expectedChallenge: ch })).status,
      ).toBe(200);
      const forged = newChallenge();
      const response = authenticationResponseSchema.parse(authenticator.assert(ceremony(forged, { signCount: 0 })));
      response.response.signature = new SoftAuthenticator().assert(
        ceremony(forged, { signCount: 0 }),
      ).response.signature;
      expect((await readError(await assertWith(core, { response, expectedChallenge: forged }))).code).toBe(
        "passkey_invalid",
      );
      expect((await stored(core, c.id))[0]?.suspendedAt).toBeNull();
    });

    it("synced passkeys reporting counter 0 keep working", async () => {
      const { authenticator } = await withPasskey({ synced: true });
      for (let i = 0; i < 2; i++) {
        const ch = newChallenge();
        expect(
          (await assertWith(core, { response: authenticator.assert(ceremony(ch)), expectedChallenge: ch })).status,
        ).toBe(200);
      }
    });
  });

  describe("management and recovery", () => {
    it("renames, and deletes with パスキー削除通知; a deleted passkey no longer signs in", async () => {
      const c = await newCustomer(core);
      const authenticator = new SoftAuthenticator();
      const view = await readAs(await register(core, c.id, authenticator), passkeyViewSchema);
      const renamed = await core.call(`/v1/customers/${c.id}/passkeys/${view.id}`, {
        method: "PATCH",
        json: { name: "私用 iPhone", client: testClient },
      });
      expect((await readAs(renamed, passkeyViewSchema)).name).toBe("私用 iPhone");

      const deleted = await core.call(`/v1/customers/${c.id}/passkeys/${view.id}/deletion`, {
        method: "POST",
        json: { client: testClient },
      });
      expect(deleted.status).toBe(200);
      expect((await readAs(deleted, passkeyListSchema)).passkeys).toEqual([]);
      const queued = await mailsOf(core, c.id);
      expect(queued.map((m) => m.mailType)).toEqual(["passkey_registered", "passkey_deleted"]);
      expect(queued[1]?.bodyText).toContain("パスキー名: 私用 iPhone");
      expect((await auditsOf(core, c.id, "passkey_delete")).map((e) => e.outcome)).toEqual(["success"]);

      const ch = newChallenge();
      const res = await assertWith(core, { response: authenticator.assert(ceremony(ch)), expectedChallenge: ch });
      expect((await readError(res)).code).toBe("passkey_unknown");
    });

    it("one customer cannot rename or delete another's passkey", async () => {
      const c = await newCustomer(core);
      const view = await readAs(await register(core, c.id, new SoftAuthenticator()), passkeyViewSchema);
      const other = await newCustomer(core, "hanako");
      const rename = await core.call(`/v1/customers/${other.id}/passkeys/${view.id}`, {
        method: "PATCH",
        json: { name: "奪取", client: testClient },
      });
      expect(rename.status).toBe(404);
      const del = await core.call(`/v1/customers/${other.id}/passkeys/${view.id}/deletion`, {
        method: "POST",
        json: { client: testClient },
      });
      expect(del.status).toBe(404);
      expect(await stored(core, c.id)).toHaveLength(1);
    });

    it("refuses an unusable name", async () => {
      const c = await newCustomer(core);
      const view = await readAs(await register(core, c.id, new SoftAuthenticator()), passkeyViewSchema);
      for (const name of ["", "a".repeat(41), "名\u0000前"]) {
        const res = await core.call(`/v1/customers/${c.id}/passkeys/${view.id}`, {
          method: "PATCH",
          json: { name, client: testClient },
        });
        expect(res.status).toBe(400);
      }
    });

    it("the operator's recovery removes every passkey, mails and audits; a second run has none", async () => {
      const c = await newCustomer(core);
      await register(core, c.id, new SoftAuthenticator());
      await register(core, c.id, new SoftAuthenticator({ synced: true }));
      const ops = (path: string) =>
        core.call(path, {
          method: "POST",
          headers: { authorization: `Bearer ${TEST_OPS_TOKEN}` },
          json: { operator: "sato", note: "本人確認済 #123" },
        });
      const res = await ops(`/ops/customers/${c.customerCode}/passkeys/removal`);
      expect(await res.json()).toEqual({ customerCode: c.customerCode, done: "removed" });
      expect(await stored(core, c.id)).toHaveLength(0);
      const removal = (await mailsOf(core, c.id)).filter((m) => m.mailType === "passkeys_removed");
      expect(removal).toHaveLength(1);
      expect(removal[0]?.bodyText).toContain("パスキーの削除（2件）");
      const again = await ops(`/ops/customers/${c.customerCode}/passkeys/removal`);
      expect(await again.json()).toEqual({ customerCode: c.customerCode, done: "had_none" });
      expect((await auditsOf(core, c.id, "passkeys_remove")).map((e) => e.outcome)).toEqual(["success", "noop"]);
      // The service credential does not open the operator route.
      const asBff = await core.call(`/ops/customers/${c.customerCode}/passkeys/removal`, {
        method: "POST",
        json: { operator: "x" },
      });
      expect(asBff.status).toBe(401);
    });
  });
});

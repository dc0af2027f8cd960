import { createHash } from "node:crypto";
import { stepUpRequirementsResponseSchema, verifyStepUpResponseSchema } from "@kakunin/contracts/core-api";
import { passkeyRequestOptionsSchema } from "@kakunin/contracts/passkeys";
import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, passkeyCredentials } from "../../db/schema.ts";
import { stepUpPasskeyChallenge } from "../../domain/passkeys/common.ts";
import type { PasskeyPolicy } from "../../lib/types.ts";
import { createHanako, createTaro } from "../../test/customers.ts";
import { givePasskey, stepUpAssertion } from "../../test/passkeys.ts";
import { auditsOf, mailsOf } from "../../test/rows.ts";
import { newChallenge } from "../../test/soft-authenticator.ts";
import { createTestCore, readAs, readError, testBackends, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const EXECUTION_PASSWORD = "Rk7m2x";
/** After the execution password's enforcement, before the passkey's (2027-04-01 JST by default). */
const NOW = new Date("2026-11-25T10:00:00+09:00");
const AFTER_PASSKEY_ENFORCEMENT = new Date("2027-05-01T10:00:00+09:00");

const digestOf = (payload: unknown) => createHash("sha256").update(JSON.stringify(payload)).digest("hex");
const DIGEST_A = digestOf({ operation: "withdrawal", payload: { amount: 10_000 } });
const DIGEST_B = digestOf({ operation: "withdrawal", payload: { amount: 990_000 } });

async function newCustomer(core: Core, options: { codeOn?: boolean; at?: Date } = {}) {
  const c = await createTaro(core, {
    emails: ["first@example.test", "second@example.test"],
    executionPassword: { plain: EXECUTION_PASSWORD, initial: false },
    ...(options.codeOn
      ? { mailSettings: [{ type: "withdrawal_auth_code" as const, enabled: true, destination: 2 as const }] }
      : {}),
  });
  core.services.clock.set(c.id, options.at ?? NOW);
  return c;
}

const methodsOf = async (core: Core, customerId: string, operation: StepUpOperation) =>
  readAs(
    await core.call(`/v1/customers/${customerId}/step-up-requirements?operation=${operation}`),
    stepUpRequirementsResponseSchema,
  );

const verify = (
  core: Core,
  customerId: string,
  fields: { executionPassword?: string; passkey?: unknown; authCode?: string; digest?: string; operation?: string },
) =>
  core.call(`/v1/customers/${customerId}/step-up-verifications`, {
    method: "POST",
    json: {
      operation: fields.operation ?? "withdrawal",
      digest: fields.digest ?? DIGEST_A,
      ...(fields.executionPassword !== undefined ? { executionPassword: fields.executionPassword } : {}),
      ...(fields.passkey !== undefined ? { passkey: fields.passkey } : {}),
      ...(fields.authCode !== undefined ? { authCode: fields.authCode } : {}),
      client: testClient,
    },
  });

const options = (core: Core, json: { challenge: string; customerId?: string; digest?: string }) =>
  core.call("/v1/passkey-authentication-options", { method: "POST", json });

const failedAttempts = async (core: Core, customerId: string) =>
  (
    await core.db.select({ n: customers.executionFailedAttempts }).from(customers).where(eq(customers.id, customerId))
  )[0]?.n;

const storedPasskey = async (core: Core, customerId: string) =>
  (await core.db.select().from(passkeyCredentials).where(eq(passkeyCredentials.customerId, customerId)))[0];

describe.each(testBackends)("the passkey step-up method on $name (issue 14)", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  it("a withdrawal by a customer with a passkey needs it instead of the 認証コード they turned on", async () => {
    const c = await newCustomer(core, { codeOn: true });
    expect(await methodsOf(core, c.id, "withdrawal")).toEqual({
      methods: ["execution_password", "auth_code"],
      codeDestination: "s***@example.test",
      locked: false,
    });
    await givePasskey(core, c.id);
    expect(await methodsOf(core, c.id, "withdrawal")).toEqual({
      methods: ["execution_password", "passkey"],
      codeDestination: null,
      locked: false,
    });
    // Not a guarded operation by default: unchanged.
    expect((await methodsOf(core, c.id, "place_order")).methods).toEqual(["execution_password"]);
  });

  it("registering or deleting a passkey always needs the 認証コード, to the first address, and the passkey once there is one", async () => {
    const c = await newCustomer(core);
    for (const operation of ["register_passkey", "delete_passkey"] as const) {
      expect(await methodsOf(core, c.id, operation)).toEqual({
        methods: ["execution_password", "auth_code"],
        codeDestination: "f***@example.test",
        locked: false,
      });
    }
    const { authenticator } = await givePasskey(core, c.id);
    // Verified in this order: a mistyped code is refused before the assertion is evaluated.
    expect((await methodsOf(core, c.id, "register_passkey")).methods).toEqual([
      "execution_password",
      "auth_code",
      "passkey",
    ]);

    // The code is mailed although the customer turned no code mail on, and says what it is for.
    const digest = digestOf({ operation: "register_passkey", payload: { name: "iPad" } });
    const issued = await core.call(`/v1/customers/${c.id}/auth-codes`, {
      method: "POST",
      json: { operation: "register_passkey", digest, client: testClient },
    });
    expect(issued.status).toBe(200);
    const mail = (await mailsOf(core, c.id)).at(-1);
    expect(mail?.toAddress).toBe("first@example.test");
    expect(mail?.subject).toBe("【kakunin証券】パスキーの登録のための認証コードのお知らせ");
    const code = /認証コード: (\d{6})/.exec(mail?.bodyText ?? "")?.[1] ?? "";

    const nonce = newChallenge();
    const passkey = { response: stepUpAssertion(authenticator, nonce, digest), nonce };
    const entries = { operation: "register_passkey", digest, executionPassword: EXECUTION_PASSWORD, passkey };
    const mistyped = await verify(core, c.id, { ...entries, authCode: code === "000000" ? "000001" : "000000" });
    expect(await readError(mistyped)).toMatchObject({ code: "wrong_auth_code" });
    // The assertion was not evaluated (its counter not taken): the same one still confirms,
    // where a second evaluation would suspend this device-bound passkey as a possible clone.
    const res = await verify(core, c.id, { ...entries, authCode: code });
    expect(res.status).toBe(200);
    await readAs(res, verifyStepUpResponseSchema);
  });

  it("the options of a step-up carry the challenge derived from the nonce and the digest, and only the customer's usable passkeys", async () => {
    const c = await newCustomer(core);
    const { authenticator } = await givePasskey(core, c.id);
    const nonce = newChallenge();
    const res = await options(core, { challenge: nonce, customerId: c.id, digest: DIGEST_A });
    expect(res.status).toBe(200);
    const body = await readAs(res, passkeyRequestOptionsSchema);
    expect(body.challenge).toBe(stepUpPasskeyChallenge(nonce, DIGEST_A));
    expect(body.challenge).not.toBe(stepUpPasskeyChallenge(nonce, DIGEST_B));
    expect(body).toMatchObject({ allowCredentials: [{ id: authenticator.id }], userVerification: "required" });
    // Without a digest the challenge is the BFF's own (a login), as before.
    const plain = await readAs(await options(core, { challenge: nonce }), passkeyRequestOptionsSchema);
    expect(plain.challenge).toBe(nonce);
  });

  it("verifies an assertion over the derived challenge: the confirmation succeeds and the passkey was used", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const { authenticator } = await givePasskey(core, c.id);
    const nonce = newChallenge();
    const res = await verify(core, c.id, {
      executionPassword: EXECUTION_PASSWORD,
      passkey: { response: stepUpAssertion(authenticator, nonce, DIGEST_A), nonce },
    });
    expect(res.status).toBe(200);
    expect((await storedPasskey(core, c.id))?.lastUsedAt).toEqual(NOW);
    const stepUps = await auditsOf(core, c.id, "step_up");
    expect(stepUps.map((e) => [e.outcome, (e.detail as { methods?: unknown }).methods])).toEqual([
      ["success", ["execution_password", "passkey"]],
    ]);
    // No code was needed, so none was mailed.
    expect((await mailsOf(core, c.id)).map((m) => m.mailType)).toEqual(["passkey_registered"]);
  });

  it("an assertion made for one withdrawal (digest A) cannot confirm another (digest B)", async () => {
    const c = await newCustomer(core);
    const { authenticator } = await givePasskey(core, c.id);
    const before = await storedPasskey(core, c.id);
    const nonce = newChallenge();
    const res = await verify(core, c.id, {
      digest: DIGEST_B,
      executionPassword: EXECUTION_PASSWORD,
      passkey: { response: stepUpAssertion(authenticator, nonce, DIGEST_A), nonce },
    });
    expect(res.status).toBe(422);
    expect((await readError(res)).code).toBe("passkey_challenge_expired");
    // Nothing granted or changed: no successful step-up, the passkey's counter and last use as they were.
    expect((await auditsOf(core, c.id, "step_up")).map((e) => e.outcome)).toEqual(["failure"]);
    const after = await storedPasskey(core, c.id);
    expect([after?.signCount, after?.lastUsedAt]).toEqual([before?.signCount, before?.lastUsedAt]);
    expect((await auditsOf(core, c.id, "passkey_assertion")).map((e) => e.detail)).toMatchObject([
      { reason: "challenge_mismatch" },
    ]);
  });

  it("without the passkey entry: passkey_required, before the password is tried (it costs no try)", async () => {
    const c = await newCustomer(core);
    await givePasskey(core, c.id);
    const res = await verify(core, c.id, { executionPassword: "Wrong9x" });
    expect(res.status).toBe(400);
    expect((await readError(res)).code).toBe("passkey_required");
    expect(await failedAttempts(core, c.id)).toBe(0);
    expect(await auditsOf(core, c.id, "execution_password")).toEqual([]);
  });

  it("refuses another customer's passkey (passkey_unknown) and grants nothing", async () => {
    const c = await newCustomer(core);
    await givePasskey(core, c.id);
    const other = await createHanako(core);
    const { authenticator: theirs } = await givePasskey(core, other.id);
    const nonce = newChallenge();
    const res = await verify(core, c.id, {
      executionPassword: EXECUTION_PASSWORD,
      passkey: { response: stepUpAssertion(theirs, nonce, DIGEST_A), nonce },
    });
    expect(res.status).toBe(422);
    expect((await readError(res)).code).toBe("passkey_unknown");
    expect((await auditsOf(core, c.id, "step_up")).map((e) => e.outcome)).toEqual(["failure"]);
  });
});

describe("the passkey policy (issue 14)", () => {
  const cores: Core[] = [];
  const coreWith = async (policy: Partial<PasskeyPolicy> = {}) => {
    const core = await createTestCore({ passkeyPolicy: policy });
    cores.push(core);
    return core;
  };
  afterAll(async () => {
    for (const core of cores) await core.close();
  });

  it("from the enforcement date, a customer without a passkey is refused withdrawals until they register one", async () => {
    const core = await coreWith();
    const c = await newCustomer(core, { codeOn: true, at: AFTER_PASSKEY_ENFORCEMENT });
    expect((await methodsOf(core, c.id, "withdrawal")).methods).toEqual(["execution_password", "passkey"]);
    const opts = await options(core, { challenge: newChallenge(), customerId: c.id, digest: DIGEST_A });
    expect(opts.status).toBe(403);
    expect((await readError(opts)).code).toBe("passkey_registration_required");

    // Opening the confirmation mails no code; verifying is refused before the password is tried.
    const issued = await core.call(`/v1/customers/${c.id}/auth-codes`, {
      method: "POST",
      json: { operation: "withdrawal", digest: DIGEST_A, client: testClient },
    });
    expect(issued.status).toBe(403);
    expect((await readError(issued)).code).toBe("passkey_registration_required");
    expect(await mailsOf(core, c.id)).toEqual([]);
    const res = await verify(core, c.id, { executionPassword: "Wrong9x" });
    expect(res.status).toBe(403);
    expect((await readError(res)).code).toBe("passkey_registration_required");
    expect(await failedAttempts(core, c.id)).toBe(0);

    // Operations the policy does not enforce, and registering itself, go on as before.
    expect((await methodsOf(core, c.id, "view_registered_info")).methods).toEqual(["execution_password"]);
    expect((await methodsOf(core, c.id, "register_passkey")).methods).toEqual(["execution_password", "auth_code"]);

    // Registered: the withdrawal needs the passkey and verifies with it.
    const { authenticator } = await givePasskey(core, c.id);
    const nonce = newChallenge();
    const ok = await verify(core, c.id, {
      executionPassword: EXECUTION_PASSWORD,
      passkey: { response: stepUpAssertion(authenticator, nonce, DIGEST_A), nonce },
    });
    expect(ok.status).toBe(200);
  });

  it("a customer whose only passkey is suspended counts as having none", async () => {
    const core = await coreWith();
    const c = await newCustomer(core, { codeOn: true });
    const { view } = await givePasskey(core, c.id);
    await core.db.update(passkeyCredentials).set({ suspendedAt: NOW }).where(eq(passkeyCredentials.id, view.id));
    expect((await methodsOf(core, c.id, "withdrawal")).methods).toEqual(["execution_password", "auth_code"]);
    // The fallback: deleting the suspended passkey needs the password and the code only.
    expect((await methodsOf(core, c.id, "delete_passkey")).methods).toEqual(["execution_password", "auth_code"]);
    const opts = await options(core, { challenge: newChallenge(), customerId: c.id, digest: DIGEST_A });
    expect((await readError(opts)).code).toBe("passkey_registration_required");
  });

  it("before the enforcement date nothing changes for a customer without a passkey", async () => {
    const core = await coreWith({ enforcementDate: new Date("2030-01-01T00:00:00+09:00") });
    const c = await newCustomer(core, { codeOn: true, at: AFTER_PASSKEY_ENFORCEMENT });
    expect((await methodsOf(core, c.id, "withdrawal")).methods).toEqual(["execution_password", "auth_code"]);
  });

  it("a broker that lists place_order in PASSKEY_STEP_UP_OPERATIONS requires the passkey for orders", async () => {
    const core = await coreWith({
      stepUpOperations: ["withdrawal", "change_bank_account", "register_passkey", "delete_passkey", "place_order"],
    });
    const c = await newCustomer(core);
    expect((await methodsOf(core, c.id, "place_order")).methods).toEqual(["execution_password"]);
    await givePasskey(core, c.id);
    expect((await methodsOf(core, c.id, "place_order")).methods).toEqual(["execution_password", "passkey"]);
    expect((await methodsOf(core, c.id, "cancel_order")).methods).toEqual(["execution_password"]);
  });
});

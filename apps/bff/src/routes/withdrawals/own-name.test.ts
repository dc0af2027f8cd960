import { errorMessages } from "@kakunin/contracts/error-body";
import { exampleBankAccountChange } from "@kakunin/contracts/examples";
import { bankAccountChangeCheckSchema } from "@kakunin/contracts/withdrawals";
import { describe, expect, it } from "vitest";
import { loggedInBrowser } from "../../test/browser.ts";
import { createTestBff, readAs, readError } from "../../test/harness.ts";

const own = { ...exampleBankAccountChange, holderKana: "ヤマダ　タロウ" };
const other = { ...exampleBankAccountChange, holderKana: "スズキ イチロウ" };
const MISMATCH = "口座名義（カナ）がご登録のお名前（ヤマダ タロウ）と一致しません。";

async function loggedIn() {
  const bff = createTestBff();
  const browser = await loggedInBrowser(bff);
  return { bff, ...browser };
}

describe("POST /api/me/bank-account-change-checks: 本人名義 before the confirmation (R39)", () => {
  it("passes core's refusal of a third party's 口座名義 on its field; the customer's own name may be confirmed", async () => {
    const { bff, request } = await loggedIn();
    const refused = await request("/api/me/bank-account-change-checks", { method: "POST", json: other });
    expect(refused.status).toBe(400);
    const error = await readError(refused);
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toEqual([{ path: "holderKana", message: MISMATCH }]);

    const ok = await request("/api/me/bank-account-change-checks", { method: "POST", json: own });
    expect(ok.status).toBe(200);
    expect(await readAs(ok, bankAccountChangeCheckSchema)).toEqual({ ok: true });
    expect(bff.core.ownName.checks).toBe(2);
    expect(bff.core.ownName.requests).toBe(0);
  });

  it("a body the shared schema refuses never reaches core, and a session is needed", async () => {
    const { bff, request } = await loggedIn();
    const res = await request("/api/me/bank-account-change-checks", {
      method: "POST",
      json: { ...own, holderKana: "yamada" },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).message).toBe(errorMessages.validation_failed);
    expect(bff.core.ownName.checks).toBe(0);
    const anonymous = await bff.request("/api/me/bank-account-change-checks", { method: "POST", json: own });
    expect(anonymous.status).toBe(401);
  });
});

describe("POST /api/me/bank-account-changes: core's own refusal after the confirmation (R39)", () => {
  it("passes the field refusal through and leaves nothing requested", async () => {
    const { bff, request } = await loggedIn();
    await request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "change_bank_account", payload: other },
    });
    const verified = await request("/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x" },
    });
    expect(verified.status).toBe(204);
    const res = await request("/api/me/bank-account-changes", {
      method: "POST",
      json: other,
      headers: { "idempotency-key": "bank-change-key-0001" },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields).toEqual([{ path: "holderKana", message: MISMATCH }]);
    expect(bff.core.ownName.requests).toBe(0);
  });
});

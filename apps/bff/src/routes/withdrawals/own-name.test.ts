import { errorMessages } from "@kakunin/contracts/errors";
import { exampleBankAccountChange } from "@kakunin/contracts/examples";
import { describe, expect, it } from "vitest";
import { loggedInBrowser } from "../../test/browser.ts";
import { createTestBff, readError } from "../../test/harness.ts";

const own = { ...exampleBankAccountChange, holderKana: "ヤマダ　タロウ" };
const other = { ...exampleBankAccountChange, holderKana: "スズキ イチロウ" };

async function loggedIn() {
  const bff = createTestBff();
  const browser = await loggedInBrowser(bff);
  return { bff, ...browser };
}

const submit = (request: Awaited<ReturnType<typeof loggedIn>>["request"], body: unknown, key: string) =>
  request("/api/me/bank-account-changes", { method: "POST", json: body, headers: { "idempotency-key": key } });

describe("POST /api/me/bank-account-changes: 本人名義 only (R39)", () => {
  it("refuses a third party's 口座名義 on its field before the confirmation is asked for", async () => {
    const { bff, request } = await loggedIn();
    const res = await submit(request, other, "bank-change-key-0001");
    expect(res.status).toBe(400);
    const error = await readError(res);
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toEqual([
      { path: "holderKana", message: "口座名義（カナ）がご登録のお名前（ヤマダ タロウ）と一致しません。" },
    ]);
    expect(bff.core.ownName.checks).toBe(1);
    expect(bff.core.ownName.requests).toBe(0);
  });

  it("lets the customer's own name through to the confirmation, then requests it with the grant", async () => {
    const { bff, request } = await loggedIn();
    const first = await submit(request, own, "bank-change-key-0002");
    expect(first.status).toBe(403);
    expect((await readError(first)).code).toBe("step_up_required");
    expect(bff.core.ownName.checks).toBe(1);

    await request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "change_bank_account", payload: own },
    });
    const verified = await request("/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x" },
    });
    expect(verified.status).toBe(204);
    const done = await submit(request, own, "bank-change-key-0003");
    expect(done.status).toBe(200);
    expect(bff.core.ownName.requests).toBe(1);
    // Checked on each submission; core checks again itself when it stores the request.
    expect(bff.core.ownName.checks).toBe(2);
  });

  it("a body the schema refuses never reaches core's check", async () => {
    const { bff, request } = await loggedIn();
    const res = await submit(request, { ...own, holderKana: "yamada" }, "bank-change-key-0004");
    expect(res.status).toBe(400);
    expect((await readError(res)).message).toBe(errorMessages.validation_failed);
    expect(bff.core.ownName.checks).toBe(0);
  });
});

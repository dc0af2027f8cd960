import { operationDigest } from "@kakunin/contracts/digest";
import { errorMessages } from "@kakunin/contracts/error-body";
import { withdrawalSchema } from "@kakunin/contracts/withdrawals";
import { describe, expect, it } from "vitest";
import { loggedInBrowser } from "../../test/browser.ts";
import { createTestBff, readAs, readError } from "../../test/harness.ts";

const bankAccountId = "0b8f1a52-7c1e-4e44-9d0a-3f2b8c6d1e90";

async function loggedIn() {
  const bff = createTestBff();
  bff.core.stepUp.methods = ["execution_password", "auth_code"];
  const { request } = await loggedInBrowser(bff);
  return { bff, request };
}

describe("POST /api/me/withdrawals", () => {
  it("needs the execution password and the 認証コード when the customer turned it on", async () => {
    const { request } = await loggedIn();
    const res = await request("/api/me/withdrawals", {
      method: "POST",
      json: { amount: 10000, bankAccountId },
      headers: { "idempotency-key": "withdrawal-key-0001" },
    });
    expect(await readError(res)).toMatchObject({
      code: "step_up_required",
      stepUp: { operation: "withdrawal", methods: ["execution_password", "auth_code"] },
    });
  });

  it("binds the code to amount and destination, and executes exactly the confirmed withdrawal once", async () => {
    const { bff, request } = await loggedIn();
    // The form sends what the customer typed; the digest covers the normalised values.
    await request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "withdrawal", payload: { amount: "10000", bankAccountId } },
    });
    expect(bff.core.issuedCodes).toEqual([
      expect.objectContaining({
        operation: "withdrawal",
        payload: { amount: 10000, bankAccountId },
        digest: operationDigest("withdrawal", { amount: 10000, bankAccountId }),
      }),
    ]);
    const verified = await request("/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x", authCode: "123456" },
    });
    expect(verified.status).toBe(204);

    const other = await request("/api/me/withdrawals", {
      method: "POST",
      json: { amount: 20000, bankAccountId },
      headers: { "idempotency-key": "withdrawal-key-0002" },
    });
    expect(other.status).toBe(403);

    const headers = { "idempotency-key": "withdrawal-key-0003" };
    const first = await request("/api/me/withdrawals", {
      method: "POST",
      json: { amount: 10000, bankAccountId },
      headers,
    });
    const again = await request("/api/me/withdrawals", {
      method: "POST",
      json: { amount: 10000, bankAccountId },
      headers,
    });
    expect((await readAs(first, withdrawalSchema)).requestNumber).toBe("W00000001");
    expect((await readAs(again, withdrawalSchema)).requestNumber).toBe("W00000001");
    // Core got the idempotency key too, as a second line of defence.
    expect(bff.core.withdrawals).toEqual([{ requestKey: "withdrawal-key-0003", amount: 10000 }]);
  });

  it("refuses fractional, negative, zero and absurd amounts with field errors before anything else", async () => {
    const { bff, request } = await loggedIn();
    for (const amount of [1.5, -1, 0, 1e13, "abc"]) {
      const res = await request("/api/me/withdrawals", {
        method: "POST",
        json: { amount, bankAccountId },
        headers: { "idempotency-key": "withdrawal-key-0004" },
      });
      expect(res.status, String(amount)).toBe(400);
      expect((await readError(res)).fields?.[0]?.path).toBe("amount");
    }
    expect(bff.core.withdrawals).toHaveLength(0);
  });
});

describe("Idempotency-Key reused with another body (R26)", () => {
  /** A separately confirmed withdrawal of `amount`: challenge, 執行パスワード and 認証コード. */
  async function confirmWithdrawal(request: Awaited<ReturnType<typeof loggedIn>>["request"], amount: number) {
    await request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "withdrawal", payload: { amount, bankAccountId } },
    });
    const verified = await request("/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x", authCode: "123456" },
    });
    expect(verified.status).toBe(204);
  }

  it("answers 422 idempotency_key_reused for a confirmed ¥9,999 under the key of an earlier ¥7,777, and runs nothing", async () => {
    const { bff, request } = await loggedIn();
    const headers = { "idempotency-key": "withdrawal-key-0005" };
    await confirmWithdrawal(request, 7777);
    const first = await request("/api/me/withdrawals", {
      method: "POST",
      json: { amount: 7777, bankAccountId },
      headers,
    });
    expect((await readAs(first, withdrawalSchema)).amount).toBe(7777);

    await confirmWithdrawal(request, 9999);
    const reused = await request("/api/me/withdrawals", {
      method: "POST",
      json: { amount: 9999, bankAccountId },
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.headers.get("idempotent-replay")).toBeNull();
    expect(await readError(reused)).toMatchObject({
      code: "idempotency_key_reused",
      message: errorMessages.idempotency_key_reused,
    });
    expect(bff.core.withdrawals).toEqual([{ requestKey: "withdrawal-key-0005", amount: 7777 }]);

    // The refusal used nothing up: the ¥9,999 confirmation still runs under a key of its own.
    const fresh = await request("/api/me/withdrawals", {
      method: "POST",
      json: { amount: 9999, bankAccountId },
      headers: { "idempotency-key": "withdrawal-key-0006" },
    });
    expect((await readAs(fresh, withdrawalSchema)).amount).toBe(9999);
    expect(bff.core.withdrawals).toHaveLength(2);
  });

  it("replays the first answer for the same body in another key order and spacing", async () => {
    const { bff, request } = await loggedIn();
    const headers = { "idempotency-key": "withdrawal-key-0007", "content-type": "application/json" };
    await confirmWithdrawal(request, 7777);
    const first = await request("/api/me/withdrawals", {
      method: "POST",
      body: JSON.stringify({ amount: 7777, bankAccountId }),
      headers,
    });
    const again = await request("/api/me/withdrawals", {
      method: "POST",
      body: `{ "bankAccountId" : "${bankAccountId}",\n  "amount": 7777 }`,
      headers,
    });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replay")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(bff.core.withdrawals).toHaveLength(1);
  });
});

import { exampleBankAccountChange } from "@kakunin/contracts/examples";
import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplePlacement } from "./test/fuzz-customer.ts";
import { cookiesOf, readError } from "./test/harness.ts";
import { type BffOnRealCore, createBffOnRealCore, TEST_SERVICE_TOKEN } from "./test/real-core.ts";

/** The contracts' field message for unusable text (an id), as the BFF words it in Japanese. */
const UNUSABLE_CHARACTERS_MESSAGE = "使用できない文字が含まれています。";

/**
 * F2 (issue 12 §3): a NUL or a lone surrogate in free text used to pass the shared schemas,
 * use up the confirmed grant and then make PostgreSQL fail, which the BFF answered with 503
 * "retry later". Now the shared schema refuses such text with a field message, at the BFF
 * before any grant is touched, and at core; these run the BFF in front of the real core.
 */
let h: BffOnRealCore;
beforeAll(async () => {
  h = await createBffOnRealCore();
}, 120_000);
afterAll(() => h?.close());

const bank = exampleBankAccountChange;

const customerWithSession = () => h.customerWithSession();
const send = (...args: Parameters<BffOnRealCore["send"]>) => h.send(...args);

async function pendingChanges(customerId: string) {
  const res = await h.core.call(`/v1/customers/${customerId}/withdrawal-overview`, {
    headers: { authorization: `Bearer ${TEST_SERVICE_TOKEN}` },
  });
  return ((await res.json()) as { pendingBankAccountChange: unknown }).pendingBankAccountChange;
}

describe("a confirmed operation and a request with unusable text", () => {
  it("a NUL in a field is 400 on that field and leaves the confirmed grant for the valid request", async () => {
    const { customer, session } = await customerWithSession();
    const challenge = await send(
      "/api/step-up/challenges",
      "POST",
      { operation: "change_bank_account", payload: bank },
      [session],
    );
    expect(challenge.status).toBe(200);
    const verified = await send(
      "/api/step-up/verifications",
      "POST",
      { executionPassword: customer.executionPassword },
      [session, ...cookiesOf(challenge)],
    );
    expect(verified.status).toBe(204);
    const grant = cookiesOf(verified);

    const refused = await send("/api/me/bank-account-changes", "POST", { ...bank, bankName: "みずほ\u0000銀行" }, [
      session,
      ...grant,
    ]);
    expect(refused.status).toBe(400);
    expect((await readError(refused)).fields).toEqual([
      { path: "bankName", message: UNUSABLE_CHARACTERS_MESSAGE, reason: "unusable_characters" },
    ]);
    expect(await pendingChanges(customer.customer.id)).toBeNull();

    const done = await send("/api/me/bank-account-changes", "POST", bank, [session, ...grant]);
    expect(done.status).toBe(200);
    expect(await pendingChanges(customer.customer.id)).toMatchObject({ bankName: "みずほ銀行", status: "申請中" });
  });

  it("unusable text in what is to be confirmed is refused on the confirmation's own request", async () => {
    const { session } = await customerWithSession();
    const res = await send(
      "/api/step-up/challenges",
      "POST",
      {
        operation: "change_profile",
        payload: { postalCode: "150-0002", address: "東京都\ud800", phone: "090-1234-5678" },
      },
      [session],
    );
    expect(res.status).toBe(400);
    expect((await readError(res)).fields).toEqual([
      { path: "payload.address", message: UNUSABLE_CHARACTERS_MESSAGE, reason: "unusable_characters" },
    ]);
    expect(cookiesOf(res)).toEqual([]);
  });
});

/**
 * The fields named in the issue, each with a grant for exactly the bad body (as a confirmation
 * made before the fix left it): the BFF refuses on the field instead of 503, the grant is not
 * used up, and core stored nothing.
 */
describe.each<[string, string, string, StepUpOperation, (orderNumber: string) => Record<string, unknown>]>([
  [
    "口座情報変更 address (NUL)",
    "PUT",
    "/api/me/profile",
    "change_profile",
    () => ({ postalCode: "150-0002", address: "東京都\u0000渋谷区", phone: "090-1234-5678" }),
  ],
  [
    "出金先口座変更 bankName (NUL)",
    "POST",
    "/api/me/bank-account-changes",
    "change_bank_account",
    () => ({
      ...bank,
      bankName: "みずほ\u0000銀行",
    }),
  ],
  [
    "出金先口座変更 branchName (lone surrogate)",
    "POST",
    "/api/me/bank-account-changes",
    "change_bank_account",
    () => ({
      ...bank,
      branchName: "渋谷\udc00支店",
    }),
  ],
  [
    "取消 orderNumber (NUL)",
    "POST",
    "/api/me/orders/:orderNumber/cancel",
    "cancel_order",
    (n) => ({
      orderNumber: `${n}\u0000`,
    }),
  ],
  [
    "訂正 orderNumber (NUL)",
    "PUT",
    "/api/me/orders/:orderNumber",
    "modify_order",
    (n) => ({
      orderNumber: `${n}\u0000`,
      quantity: 200,
      limitPrice: 1601,
    }),
  ],
])("%s", (_, method, path, operation, bodyFor) => {
  it("is 400 on the field, not 503; the grant is not used up and nothing changed", async () => {
    const { customer, sid, session } = await customerWithSession();
    const placed = await h.core.call(`/v1/customers/${customer.customer.id}/orders`, {
      method: "POST",
      json: examplePlacement(),
    });
    const { orderNumber } = (await placed.json()) as { orderNumber: string };
    const body = bodyFor(orderNumber);
    const target = path.replace(":orderNumber", encodeURIComponent(String(body.orderNumber ?? "")));
    const grant = await h.uncheckedOnceGrant(sid, operation, body);
    const before = await h.snapshot(customer.customer.id);

    const res = await send(target, method, body, [session, grant.cookie]);

    expect(res.status).toBe(400);
    const error = await readError(res);
    expect(error.code).toBe("validation_failed");
    expect(error.fields?.length).toBeGreaterThan(0);
    expect(h.grantUsed(grant.jti)).toBe(false);
    expect(await h.snapshot(customer.customer.id)).toBe(before);
  });
});

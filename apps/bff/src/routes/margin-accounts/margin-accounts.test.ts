import { errorMessages } from "@kakunin/contracts/error-body";
import { exampleMarginAccountApplication } from "@kakunin/contracts/examples";
import { marginAccountApplicationViewSchema } from "@kakunin/contracts/margin-accounts";
import { accountOpeningListSchema } from "@kakunin/contracts/registered-info";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookiesOf, readAs, readError } from "../../test/harness.ts";
import { type BffOnRealCore, createBffOnRealCore } from "../../test/real-core.ts";

/** 信用取引口座開設 (R41) through the BFF in front of the real core. */
let h: BffOnRealCore;
beforeAll(async () => {
  h = await createBffOnRealCore();
}, 120_000);
afterAll(() => h?.close());

const application = exampleMarginAccountApplication;

const send = (path: string, json: unknown, cookies: string[], key?: string) => h.send(path, "POST", json, cookies, key);

/** The confirmation screen's round trip: challenge for exactly `payload`, then the 執行パスワード. */
async function confirm(session: string, password: string, payload: unknown = application) {
  const challenge = await send("/api/step-up/challenges", { operation: "apply_margin_account", payload }, [session]);
  expect(challenge.status).toBe(200);
  const verified = await send("/api/step-up/verifications", { executionPassword: password }, [
    session,
    ...cookiesOf(challenge),
  ]);
  expect(verified.status).toBe(204);
  return cookiesOf(verified);
}

async function marginStatus(customerId: string) {
  const res = await h.core.call(`/v1/customers/${customerId}/account-openings`);
  const { accounts } = await readAs(res, accountOpeningListSchema);
  return accounts.find((a) => a.kind === "信用取引口座")?.status;
}

describe("POST /api/me/margin-account-applications", () => {
  it("without a confirmation: 403 step_up_required for apply_margin_account with the 執行パスワード; nothing applied", async () => {
    const { customer, session } = await h.customerWithSession();
    const res = await send("/api/me/margin-account-applications", application, [session]);
    expect(res.status).toBe(403);
    expect(await readError(res)).toMatchObject({
      code: "step_up_required",
      stepUp: { operation: "apply_margin_account", methods: ["execution_password"] },
    });
    expect(await marginStatus(customer.customer.id)).toBe("未開設");
  });

  it("with a confirmation for exactly these answers: 審査中; a double submit with the same key applies once", async () => {
    const { customer, session } = await h.customerWithSession();
    const grant = await confirm(session, customer.executionPassword);

    const other = await send("/api/me/margin-account-applications", { ...application, annualIncome: "1,000万円以上" }, [
      session,
      ...grant,
    ]);
    expect(other.status).toBe(403);

    const key = crypto.randomUUID();
    const first = await send("/api/me/margin-account-applications", application, [session, ...grant], key);
    const again = await send("/api/me/margin-account-applications", application, [session, ...grant], key);
    expect(first.status).toBe(200);
    const view = await readAs(first, marginAccountApplicationViewSchema);
    expect(view).toMatchObject({ status: "審査中", stockExperience: application.stockExperience });
    expect(again.status).toBe(200);
    expect(await readAs(again, marginAccountApplicationViewSchema)).toEqual(view);
    expect(await marginStatus(customer.customer.id)).toBe("審査中");

    // A new confirmation while 審査中: core's refusal reaches the screen with its wording.
    const later = await send("/api/me/margin-account-applications", application, [
      session,
      ...(await confirm(session, customer.executionPassword)),
    ]);
    expect(later.status).toBe(409);
    expect(await readError(later)).toMatchObject({
      code: "margin_application_in_review",
      message: errorMessages.margin_application_in_review,
    });
  });

  it("without the 約諾書 consent: refused on the field before any confirmation can start", async () => {
    const { customer, session } = await h.customerWithSession();
    const challenge = await send(
      "/api/step-up/challenges",
      { operation: "apply_margin_account", payload: { ...application, agreement: false } },
      [session],
    );
    expect(challenge.status).toBe(400);
    expect((await readError(challenge)).fields).toEqual([
      { path: "payload.agreement", message: "信用取引口座設定約諾書の内容をご確認のうえ、同意してください。" },
    ]);
    const res = await send("/api/me/margin-account-applications", { ...application, agreement: false }, [session]);
    expect(res.status).toBe(400);
    expect(await marginStatus(customer.customer.id)).toBe("未開設");
  });
});

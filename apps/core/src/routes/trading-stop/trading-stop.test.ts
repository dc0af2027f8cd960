import {
  exampleBankAccountChange,
  exampleMarginAccountApplication,
  exampleStockOrder,
} from "@kakunin/contracts/examples";
import { opsActionResponseSchema } from "@kakunin/contracts/ops";
import { stoppedOperations, tradingStopSchema } from "@kakunin/contracts/trading-stop";
import { withdrawalOverviewSchema, withdrawalSchema } from "@kakunin/contracts/withdrawals";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bankAccountChanges,
  customerEmails,
  customers,
  orders,
  passkeyCredentials,
  withdrawals,
} from "../../db/schema.ts";
import { requestBankAccountChange } from "../../domain/bank-accounts.ts";
import { changeExecutionPassword, changeLoginPassword } from "../../domain/credentials/password-change.ts";
import { applyMarginAccount } from "../../domain/margin-accounts.ts";
import { cancelOrder, modifyOrder } from "../../domain/orders/modify-cancel.ts";
import { placeOrder } from "../../domain/orders/place.ts";
import { deletePasskey } from "../../domain/passkeys/management.ts";
import { registerPasskey } from "../../domain/passkeys/registration.ts";
import { changeEmail } from "../../domain/registered-info.ts";
import { AppError, appErrorBody } from "../../lib/errors.ts";
import { createTaro } from "../../test/customers.ts";
import { givePasskey } from "../../test/passkeys.ts";
import { auditsOf as audits, mailsOf as mails } from "../../test/rows.ts";
import { createTestCore, readAs, readError, TEST_OPS_TOKEN, testBackends, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const STOPPED = new Date("2026-11-25T07:04:05Z"); // 2026/11/25 16:04:05 JST
const PHONE_MESSAGE =
  "お客様のお申し出により取引を停止しているため、このお手続きはできません。停止の解除をご希望の場合は、お客様サポートセンター（0120-000-000）までお電話でご連絡ください。本人確認のうえ解除いたします。";

async function newCustomer(core: Core) {
  const c = await createTaro(core, {
    emails: ["first@example.test"],
    executionPassword: { plain: "Rk7m2x", initial: false },
    cash: 1_000_000,
  });
  core.services.clock.set(c.id, STOPPED);
  return c;
}

const stop = (core: Core, customerId: string) =>
  core.call(`/v1/customers/${customerId}/trading-stop`, { method: "POST", json: { client: testClient } });
const stateOf = async (core: Core, customerId: string) =>
  readAs(await core.call(`/v1/customers/${customerId}/trading-stop`), tradingStopSchema);
const lift = (core: Core, customerCode: string, token: string | null = TEST_OPS_TOKEN) =>
  core.call(`/ops/customers/${customerCode}/trading-stop/lift`, {
    method: "POST",
    headers: token ? { authorization: `Bearer ${token}` } : {},
    json: { operator: "suzuki", note: "本人確認済み 通話#42" },
  });
const withdraw = async (core: Core, customerId: string) => {
  const overview = await readAs(
    await core.call(`/v1/customers/${customerId}/withdrawal-overview`),
    withdrawalOverviewSchema,
  );
  return core.call(`/v1/customers/${customerId}/withdrawals`, {
    method: "POST",
    json: {
      request: { amount: 10_000, bankAccountId: overview.bankAccount?.id },
      requestKey: `key-${crypto.randomUUID()}`,
      client: testClient,
    },
  });
};

/** Runs `fn` and answers the AppError's code and message it was refused with. */
async function refusal(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (err) {
    // The message as core's error handler words it (Japanese by default).
    if (err instanceof AppError)
      return { code: err.code, status: err.status, message: appErrorBody(err).error.message };
    throw err;
  }
  throw new Error("not refused");
}

describe.each(testBackends)("取引停止 (R33) on $name", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  it("stops: the state, an audit record and the mail (always) with when (JST) and the number to call", async () => {
    const c = await newCustomer(core);
    expect(await stateOf(core, c.id)).toEqual({ stopped: false, stoppedAt: null, supportPhone: "0120-000-000" });
    const res = await stop(core, c.id);
    expect(res.status).toBe(200);
    const stopped = { stopped: true, stoppedAt: STOPPED.toISOString(), supportPhone: "0120-000-000" };
    expect(await readAs(res, tradingStopSchema)).toEqual(stopped);
    expect(await stateOf(core, c.id)).toEqual(stopped);
    const [row] = await core.db.select().from(customers).where(eq(customers.id, c.id));
    expect(row).toMatchObject({ tradingStopReason: "customer_request", tradingStoppedBy: "customer" });
    const [mail, ...more] = await mails(core, c.id);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ mailType: "trading_stopped", subject: "【kakunin証券】取引停止のお知らせ" });
    expect(mail?.bodyText).toContain("■ 日時\n2026/11/25 16:04:05 (日本時間)");
    expect(mail?.bodyText).toContain(`■ 操作元\nIPアドレス: ${testClient.ipAddress}`);
    expect(mail?.bodyText).toContain("お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）");
    expect((await audits(core, c.id, "trading_stop")).map((a) => a.outcome)).toEqual(["success"]);
  });

  it("is idempotent: stopping again keeps the first time and mails nothing more", async () => {
    const c = await newCustomer(core);
    await stop(core, c.id);
    core.services.clock.set(c.id, new Date(STOPPED.getTime() + 60_000));
    const again = await stop(core, c.id);
    expect(again.status).toBe(200);
    expect((await readAs(again, tradingStopSchema)).stoppedAt).toBe(STOPPED.toISOString());
    expect(await mails(core, c.id)).toHaveLength(1);
    expect((await audits(core, c.id, "trading_stop")).map((a) => a.outcome)).toEqual(["success", "noop"]);
  });

  it("concurrent stops: every one answers stopped, exactly one takes effect and is mailed", async () => {
    const c = await newCustomer(core);
    const results = await Promise.all(Array.from({ length: 5 }, () => stop(core, c.id)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await mails(core, c.id)).toHaveLength(1);
    const outcomes = (await audits(core, c.id, "trading_stop")).map((a) => a.outcome);
    expect(outcomes.filter((o) => o === "success")).toHaveLength(1);
    expect(outcomes).toHaveLength(5);
  });

  it("while stopped, the step-up engine refuses every stopped operation's confirmation; 注文の取消 stays open", async () => {
    const c = await newCustomer(core);
    await stop(core, c.id);
    for (const operation of stoppedOperations) {
      const res = await core.call(`/v1/customers/${c.id}/step-up-requirements?operation=${operation}`);
      expect(res.status, operation).toBe(403);
      expect(await readError(res)).toMatchObject({ code: "account_stopped", message: PHONE_MESSAGE });
    }
    const issued = await core.call(`/v1/customers/${c.id}/auth-codes`, {
      method: "POST",
      json: { operation: "withdrawal", digest: "a".repeat(64), client: testClient },
    });
    expect(issued.status).toBe(403);
    expect((await readError(issued)).code).toBe("account_stopped");
    for (const operation of ["cancel_order", "view_registered_info", "change_profile"]) {
      expect((await core.call(`/v1/customers/${c.id}/step-up-requirements?operation=${operation}`)).status).toBe(200);
    }
    expect(await mails(core, c.id)).toHaveLength(1); // the stop's mail only: no code was sent
  });

  it("while stopped, each executing function refuses with account_stopped and changes nothing; audited", async () => {
    const c = await newCustomer(core);
    const actor = { customerId: c.id, client: testClient };
    const { order } = await placeOrder(core.db, core.services, {
      ...actor,
      request: exampleStockOrder,
      requestKey: "k1",
    });
    const { view: passkey } = await givePasskey(core, c.id);
    const [before] = await core.db.select().from(customers).where(eq(customers.id, c.id));
    await stop(core, c.id);

    const stopped = { code: "account_stopped", status: 403, message: PHONE_MESSAGE };
    const key = () => `key-${crypto.randomUUID()}`;
    const withdrawal = await withdraw(core, c.id);
    expect(withdrawal.status).toBe(403);
    expect(await readError(withdrawal)).toMatchObject({ code: "account_stopped", message: PHONE_MESSAGE });
    const refusals = {
      place_order: () =>
        placeOrder(core.db, core.services, { ...actor, request: exampleStockOrder, requestKey: key() }),
      modify_order: () =>
        modifyOrder(core.db, core.services, {
          ...actor,
          orderNumber: order.orderNumber,
          request: { orderNumber: order.orderNumber, quantity: 200, limitPrice: 1500 } as never,
          requestKey: key(),
        }),
      change_bank_account: () =>
        requestBankAccountChange(core.db, core.services, { ...actor, change: exampleBankAccountChange }),
      change_email: () =>
        changeEmail(core.db, core.services, { ...actor, change: { position: 1, address: "evil@example.test" } }),
      change_login_password: () =>
        changeLoginPassword(core.db, core.services, { ...actor, request: { currentPassword: "x" } as never }),
      change_execution_password: () =>
        changeExecutionPassword(core.db, core.services, { ...actor, request: { currentPassword: "x" } as never }),
      register_passkey: () =>
        registerPasskey(core.db, core.services, {
          ...actor,
          response: {} as never,
          expectedChallenge: "x",
          name: "attacker",
        }),
      delete_passkey: () => deletePasskey(core.db, core.services, { ...actor, passkeyId: passkey.id }),
      apply_margin_account: () =>
        applyMarginAccount(core.db, core.services, { ...actor, application: exampleMarginAccountApplication }),
    };
    for (const [action, fn] of Object.entries(refusals)) expect(await refusal(fn), action).toEqual(stopped);

    // Nothing changed: no withdrawal, one order (unmodified), no change request, the same
    // address, passwords and passkey, no 信用 application.
    expect(await core.db.select().from(withdrawals).where(eq(withdrawals.customerId, c.id))).toEqual([]);
    const orderRows = await core.db.select().from(orders).where(eq(orders.customerId, c.id));
    expect(orderRows.map((o) => [o.orderNumber, o.quantity])).toEqual([[order.orderNumber, 100]]);
    expect(await core.db.select().from(bankAccountChanges).where(eq(bankAccountChanges.customerId, c.id))).toEqual([]);
    const emails = await core.db.select().from(customerEmails).where(eq(customerEmails.customerId, c.id));
    expect(emails.map((e) => e.address)).toEqual(["first@example.test"]);
    const [after] = await core.db.select().from(customers).where(eq(customers.id, c.id));
    expect(after?.loginPasswordHash).toBe(before?.loginPasswordHash);
    expect(after?.executionPasswordHash).toBe(before?.executionPasswordHash);
    const keys = await core.db.select().from(passkeyCredentials).where(eq(passkeyCredentials.customerId, c.id));
    expect(keys.map((k) => k.id)).toEqual([passkey.id]);
    expect((await mails(core, c.id)).map((m) => m.mailType)).toEqual(["passkey_registered", "trading_stopped"]);

    const refused = await audits(core, c.id, "trading_stop_refusal");
    expect(refused.map((a) => (a.detail as { action: string }).action)).toEqual([
      "withdrawal",
      ...Object.keys(refusals),
    ]);

    // 取消 lowers the exposure: it stays allowed.
    const cancelled = await cancelOrder(core.db, core.services, {
      ...actor,
      orderNumber: order.orderNumber,
      requestKey: key(),
    });
    expect(cancelled.status).not.toBe(order.status);
  });

  it("the operator lifts it (token required, audited, mailed); then a withdrawal goes through", async () => {
    const c = await newCustomer(core);
    await stop(core, c.id);
    expect((await lift(core, c.customerCode, null)).status).toBe(401);
    expect((await lift(core, c.customerCode, "x".repeat(32))).status).toBe(401);
    expect((await stateOf(core, c.id)).stopped).toBe(true);

    core.services.clock.set(c.id, new Date("2026-11-26T01:00:00Z"));
    const res = await lift(core, c.customerCode);
    expect(res.status).toBe(200);
    expect(await readAs(res, opsActionResponseSchema)).toEqual({ customerCode: c.customerCode, done: "resumed" });
    expect(await stateOf(core, c.id)).toEqual({ stopped: false, stoppedAt: null, supportPhone: "0120-000-000" });
    const sent = await mails(core, c.id);
    expect(sent.map((m) => m.mailType)).toEqual(["trading_stopped", "trading_resumed"]);
    expect(sent[1]?.bodyText).toContain("■ 日時\n2026/11/26 10:00:00 (日本時間)");
    expect(sent[1]?.bodyText).toContain("■ 操作元\n弊社担当者");
    const [resumed] = await audits(core, c.id, "trading_resume");
    expect(resumed).toMatchObject({ outcome: "success", subject: "suzuki" });
    expect(resumed?.detail).toMatchObject({ operator: "suzuki", note: "本人確認済み 通話#42" });

    const withdrawal = await withdraw(core, c.id);
    expect(withdrawal.status).toBe(201);
    expect((await readAs(withdrawal, withdrawalSchema)).amount).toBe(10_000);

    const again = await lift(core, c.customerCode);
    expect(again.status).toBe(409);
    expect((await readError(again)).code).toBe("no_pending_request");
    expect((await lift(core, "9999999")).status).toBe(404);
  });
});

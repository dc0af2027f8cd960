import type { RouteHandler } from "@hono/zod-openapi";
import { errorBody } from "@kakunin/contracts/error-body";
import { toLocale } from "@kakunin/contracts/locale";
import { gateKeys } from "../../domain/credentials/gate-keys.ts";
import { adoptCustomerLocale } from "../../domain/customer-locale.ts";
import { findLoginCustomer, recordLogin } from "../../domain/logins.ts";
import {
  checkNewDeviceCode,
  isKnownDevice,
  issueNewDeviceCode,
  rememberDevice,
  welcomeNewDevice,
} from "../../domain/new-devices.ts";
import { passwordLoginRefused } from "../../domain/passkeys/policy.ts";
import { AppError } from "../../lib/errors.ts";
import { localeOf } from "../../lib/locale.ts";
import { burnVerification, verifyPassword } from "../../lib/passwords.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { verifyLogin, verifyLoginCode } from "./login-verifications.routes.ts";

export const verifyLoginHandler: RouteHandler<typeof verifyLogin, AppBindings> = async (c) => {
  const { customerCode, password, deviceHash } = c.req.valid("json");
  const db = c.get("db");
  const customer = await findLoginCustomer(db, customerCode);

  // Through the hash gate (issue 12): one check per customer code at a time, a bounded
  // number at once; a refusal (429/503) is thrown before anything is evaluated or audited.
  const gate = c.get("services").hashGate;
  const ok = await gate.exclusive(gateKeys.login(customerCode), (deadline) =>
    gate.hash(() => (customer ? verifyPassword(customer.hash, password) : burnVerification(password)), deadline),
  );
  const requestId = c.get("requestId");
  const locale = localeOf(c);
  // Issue 14: once the customer has a usable passkey, the password alone no longer logs in.
  // Asked only after the password verified, so the refusal reveals nothing to a guesser and
  // a right password is not answered as a wrong one (the BFF counts invalid_credentials only).
  const passkeyRequired = customer && ok && (await passwordLoginRefused(db, c.get("services"), customer.id));
  const services = c.get("services");
  const client = c.req.valid("json").client;
  // Issue 15: a right password from a device the customer never used. With the code required,
  // the login is not recorded yet: it completes (and is recorded) when the mailed code is entered.
  // R36: a right password fixes the customer's language if they have none yet, before the
  // new-device code below is mailed in it.
  const customerLocale = customer && ok && !passkeyRequired ? await adoptCustomerLocale(db, customer.id, locale) : null;
  const newDevice = customer && ok && !passkeyRequired && !(await isKnownDevice(db, customer.id, deviceHash));
  if (customer && newDevice && services.newDevice.codeRequired) {
    const { codeSentTo } = await issueNewDeviceCode(db, services, { customer, deviceHash, client, requestId });
    return c.json(errorBody("device_verification_required", { requestId, codeSentTo, locale }), 403);
  }
  await recordLogin(db, {
    customer,
    subject: customerCode,
    ok: ok && !passkeyRequired,
    method: "password",
    ...(customer ? (passkeyRequired ? { reason: "passkey_login_required" } : {}) : { reason: "unknown_customer_code" }),
    client,
    requestId,
    ...(newDevice ? { newDevice: true } : {}),
    within: async (tx) => {
      if (!customer) return;
      if (newDevice) await welcomeNewDevice(tx, services, customer, deviceHash, client);
      else await rememberDevice(tx, customer.id, deviceHash, services.clock.now(customer.id));
    },
  });

  if (!customer || !ok) {
    // One answer for an unknown code and a wrong password (R1).
    return c.json(errorBody("invalid_credentials", { requestId, locale }), 422);
  }
  if (passkeyRequired) return c.json(errorBody("passkey_login_required", { requestId, locale }), 403);
  return c.json(loginAnswer({ ...customer, locale: customerLocale }), 200);
};

/**
 * Issue 15: the 認証コード of a password login from a new device. The code is bound to the
 * device it was mailed for; entered right, the login is recorded (ログイン履歴 「新しい端末」),
 * the device becomes known, 「新しい端末からのログイン」 is mailed and the cooling period starts,
 * all with the code's use, in one transaction.
 */
export const verifyLoginCodeHandler: RouteHandler<typeof verifyLoginCode, AppBindings> = async (c) => {
  const { customerCode, deviceHash, code, client } = c.req.valid("json");
  const db = c.get("db");
  const services = c.get("services");
  const requestId = c.get("requestId");
  const customer = await findLoginCustomer(db, customerCode);
  if (!customer) throw new AppError("device_verification_expired", 410);
  const outcome = await checkNewDeviceCode(
    db,
    services,
    { customerId: customer.id, deviceHash, code, client, requestId },
    (tx) =>
      recordLogin(tx, {
        customer,
        subject: customerCode,
        ok: true,
        method: "password",
        client,
        requestId,
        newDevice: true,
        within: (inner) => welcomeNewDevice(inner, services, customer, deviceHash, client),
      }),
  );
  if (outcome.status === "expired") throw new AppError("device_verification_expired", 410);
  if (outcome.status === "wrong") {
    throw new AppError("wrong_auth_code", 422, { remainingCodeAttempts: outcome.remaining });
  }
  return c.json(loginAnswer(customer), 200);
};

/** Who logged in, and the language they chose (R36), which the BFF's language cookie takes. */
function loginAnswer(customer: { id: string; customerCode: string; name: string; locale: string | null }) {
  return {
    customer: { id: customer.id, customerCode: customer.customerCode, name: customer.name },
    locale: toLocale(customer.locale),
  };
}

import type { RouteHandler } from "@hono/zod-openapi";
import { errorBody } from "@kakunin/contracts/errors";
import { gateKeys } from "../../domain/credentials/gate-keys.ts";
import { findLoginCustomer, recordLogin } from "../../domain/logins.ts";
import { passwordLoginRefused } from "../../domain/passkeys/policy.ts";
import { burnVerification, verifyPassword } from "../../lib/passwords.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { verifyLogin } from "./login-verifications.routes.ts";

export const verifyLoginHandler: RouteHandler<typeof verifyLogin, AppBindings> = async (c) => {
  const { customerCode, password, client } = c.req.valid("json");
  const db = c.get("db");
  const customer = await findLoginCustomer(db, customerCode);

  // Through the hash gate (issue 12): one check per customer code at a time, a bounded
  // number at once; a refusal (429/503) is thrown before anything is evaluated or audited.
  const gate = c.get("services").hashGate;
  const ok = await gate.exclusive(gateKeys.login(customerCode), (deadline) =>
    gate.hash(() => (customer ? verifyPassword(customer.hash, password) : burnVerification(password)), deadline),
  );
  const requestId = c.get("requestId");
  // Issue 14: once the customer has a usable passkey, the password alone no longer logs in.
  // Asked only after the password verified, so the refusal reveals nothing to a guesser and
  // a right password is not answered as a wrong one (the BFF counts invalid_credentials only).
  const passkeyRequired = customer && ok && (await passwordLoginRefused(db, c.get("services"), customer.id));
  await recordLogin(db, {
    customer,
    subject: customerCode,
    ok: ok && !passkeyRequired,
    method: "password",
    ...(customer ? (passkeyRequired ? { reason: "passkey_login_required" } : {}) : { reason: "unknown_customer_code" }),
    client,
    requestId,
  });

  if (!customer || !ok) {
    // One answer for an unknown code and a wrong password (R1).
    return c.json(errorBody("invalid_credentials", { requestId }), 422);
  }
  if (passkeyRequired) return c.json(errorBody("passkey_login_required", { requestId }), 403);
  return c.json({ customer: { id: customer.id, customerCode: customer.customerCode, name: customer.name } }, 200);
};

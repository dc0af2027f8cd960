import type { ClientContext } from "@kakunin/contracts/core-api";
import type { CustomerSummary } from "@kakunin/contracts/customers";
import type { AuthenticationResponse } from "@kakunin/contracts/passkeys";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";
import { findCustomerSummary } from "../customers.ts";
import { recordLogin } from "../logins.ts";
import { isKnownDevice, rememberDevice } from "../new-devices.ts";
import { verifyPasskeyAssertion } from "./assertion.ts";

/**
 * パスキーでログイン (issue 14): a discoverable assertion over the BFF's login challenge names
 * the customer; it is then recorded exactly as a password login (ログイン履歴, ログイン通知),
 * marked `passkey`. A refused assertion is audited by the verification (passkey_assertion,
 * with the customer where the credential names one) and as a failed login whose subject is
 * the credential ID: the caller claimed no customer, so it shows in no customer's history.
 */
export async function passkeyLogin(
  db: Db,
  services: CoreServices,
  request: {
    response: AuthenticationResponse;
    expectedChallenge: string;
    client: ClientContext;
    requestId?: string | undefined;
    /** Issue 15: the device becomes known; no code and no cooling (a passkey cannot be phished). */
    deviceHash?: string | undefined;
  },
): Promise<CustomerSummary> {
  const base = { method: "passkey" as const, client: request.client, requestId: request.requestId };
  let customerId: string;
  try {
    ({ customerId } = await verifyPasskeyAssertion(db, services, request));
  } catch (err) {
    const reason = err instanceof AppError ? err.code : "error";
    await recordLogin(db, { ...base, customer: undefined, subject: request.response.id, ok: false, reason });
    throw err;
  }
  const customer = await findCustomerSummary(db, customerId);
  if (!customer) throw new AppError("passkey_unknown", 422);
  const { deviceHash } = request;
  const newDevice = deviceHash !== undefined && !(await isKnownDevice(db, customer.id, deviceHash));
  await recordLogin(db, {
    ...base,
    customer,
    subject: customer.customerCode,
    ok: true,
    ...(newDevice ? { newDevice: true } : {}),
    within: async (tx) => {
      if (deviceHash) await rememberDevice(tx, customer.id, deviceHash, services.clock.now(customer.id));
    },
  });
  return customer;
}

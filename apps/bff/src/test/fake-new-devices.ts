import { coreRoutes, verifyLoginCodeRequestSchema } from "@kakunin/contracts/core-api";
import { errorBody } from "@kakunin/contracts/error-body";
import type { Locale } from "@kakunin/contracts/locale";
import type { Hono } from "hono";

/** The code the fake core "mails" for every login from a new device. */
export const FAKE_DEVICE_CODE = "135790";

/**
 * Core's new-device detection (issue 15) as the BFF sees it: for the customer codes in
 * `codeRequired`, a right password from a device hash not in `known` is answered 403
 * device_verification_required; POST /v1/login-code-verifications with FAKE_DEVICE_CODE and
 * the same device completes it (the device becomes known).
 */
export function installFakeNewDevices(
  app: Hono,
  byCode: (customerCode: string) => { id: string; customerCode: string; name: string; locale?: Locale } | undefined,
) {
  const codeRequired = new Set<string>();
  const known = new Set<string>();
  const pending = new Map<string, string>();
  const verifications: { customerCode: string; deviceHash: string; code: string }[] = [];
  app.post(coreRoutes.verifyLoginCode.path, async (c) => {
    const body = verifyLoginCodeRequestSchema.parse(await c.req.json());
    verifications.push(body);
    const customer = byCode(body.customerCode);
    if (!customer || pending.get(body.customerCode) !== body.deviceHash) {
      return c.json(errorBody("device_verification_expired"), 410);
    }
    if (body.code !== FAKE_DEVICE_CODE) return c.json(errorBody("wrong_auth_code", { remainingCodeAttempts: 4 }), 422);
    pending.delete(body.customerCode);
    known.add(`${body.customerCode}:${body.deviceHash}`);
    const { id, name, locale } = customer;
    return c.json({ customer: { id, customerCode: customer.customerCode, name }, locale: locale ?? "ja" });
  });
  return {
    codeRequired,
    known,
    verifications,
    /** The answer to a right password, or undefined to log in (the device is remembered). */
    refusal(customerCode: string, deviceHash: string) {
      if (!codeRequired.has(customerCode) || known.has(`${customerCode}:${deviceHash}`)) {
        known.add(`${customerCode}:${deviceHash}`);
        return undefined;
      }
      pending.set(customerCode, deviceHash);
      return errorBody("device_verification_required", { codeSentTo: "y***@example.test" });
    },
  };
}

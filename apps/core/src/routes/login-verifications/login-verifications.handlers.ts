import type { RouteHandler } from "@hono/zod-openapi";
import { errorBody } from "@kakunin/contracts/errors";
import { recordAudit } from "../../domain/audit.ts";
import { gateKeys } from "../../domain/credentials/gate-keys.ts";
import { findLoginCustomer } from "../../domain/logins.ts";
import { burnVerification, verifyPassword } from "../../lib/passwords.ts";
import type { AppBindings } from "../../lib/types.ts";
import { enqueueMail } from "../../mail/outbox.ts";
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
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      eventType: "login",
      outcome: ok ? "success" : "failure",
      customerId: customer?.id ?? null,
      subject: customerCode,
      client,
      requestId: c.get("requestId"),
      ...(customer ? {} : { detail: { reason: "unknown_customer_code" } }),
    });
    // R4: ログイン通知, when the customer turned it on; queued with the audit record.
    if (customer && ok) {
      await enqueueMail(tx, {
        customerId: customer.id,
        type: "login_notification",
        data: { customerName: customer.name, at: new Date(), ipAddress: client.ipAddress, userAgent: client.userAgent },
      });
    }
  });

  if (!customer || !ok) {
    // One answer for an unknown code and a wrong password (R1).
    return c.json(errorBody("invalid_credentials", { requestId: c.get("requestId") }), 422);
  }
  return c.json({ customer: { id: customer.id, customerCode: customer.customerCode, name: customer.name } }, 200);
};

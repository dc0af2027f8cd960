import type { ClientContext } from "@kakunin/contracts/core-api";
import type { Db, Tx } from "../db/client.ts";
import { auditEvents } from "../db/schema.ts";

export type AuditEventType =
  | "login"
  | "login_throttle"
  | "execution_password"
  | "account_lock"
  | "account_unlock"
  | "execution_password_change"
  | "login_password_change"
  | "initial_execution_password_reissue"
  | "auth_code_issue"
  | "step_up"
  | "profile_change"
  | "email_change"
  | "mail_setting_change"
  | "withdrawal"
  | "bank_account_change_request"
  | "bank_account_change_approve"
  | "bank_account_change_reject"
  | "margin_account_apply"
  | "margin_account_approve"
  | "margin_account_reject"
  | "order_place"
  | "order_check"
  | "order_modify"
  | "order_cancel"
  | "order_fill"
  | "order_expire"
  | "orders_expire"
  | "market_price_set"
  | "nav_run"
  | "passkey_register"
  | "passkey_assertion"
  | "passkey_rename"
  | "passkey_delete"
  | "passkeys_remove"
  | "trading_stop"
  | "trading_stop_refusal"
  | "trading_resume"
  | "session_logout"
  | "new_device_code_issue"
  | "new_device_verification"
  | "cooling_refusal"
  | "password_reset";
/**
 * `refused_locked`: not evaluated because the account is locked; `noop`: nothing to do;
 * `throttled`: refused by a rate limit before anything happened.
 */
export type AuditOutcome = "success" | "failure" | "refused_locked" | "locked" | "noop" | "throttled";

export interface AuditEvent {
  eventType: AuditEventType;
  outcome: AuditOutcome;
  customerId: string | null;
  /** What the actor claimed to be, e.g. the customer code typed at login. */
  subject?: string | null;
  client: ClientContext;
  requestId?: string | undefined;
  detail?: Record<string, unknown>;
}

/** Appends to the audit trail (R29); pass a transaction to record atomically with a change. */
export async function recordAudit(db: Db | Tx, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    eventType: event.eventType,
    outcome: event.outcome,
    customerId: event.customerId,
    subject: event.subject ?? null,
    ipAddress: event.client.ipAddress,
    userAgent: event.client.userAgent,
    requestId: event.requestId ?? null,
    detail: event.detail ?? null,
  });
}

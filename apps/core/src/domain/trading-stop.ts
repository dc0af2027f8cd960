import type { ClientContext } from "@kakunin/contracts/core-api";
import type { OpsActionRequest } from "@kakunin/contracts/ops";
import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { type StoppedAction, stoppedOperations, type TradingStop } from "@kakunin/contracts/trading-stop";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { customers } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { recordAudit } from "./audit.ts";
import { findCustomerIdByCode } from "./customers.ts";

/**
 * 取引停止 (R33): the customer's own emergency stop. `customers.trading_stopped_at` is the one
 * state; it is set and cleared under the customer's row lock, so two stops (or a stop and a
 * lift) run one after the other and only the one that changes the state mails and audits it.
 * Like the lock (`locked_at`), it is enforced in one place per path: the step-up engine refuses
 * the confirmation of a stopped operation, and the executing domain functions call
 * `refuseIfStopped` again (defence in depth: an operation that needs no confirmation today,
 * before the R11 enforcement, is still refused).
 */
type Actor = { customerId: string; client: ClientContext; requestId?: string | undefined };

const isStoppedOperation = (operation: StepUpOperation): operation is (typeof stoppedOperations)[number] =>
  (stoppedOperations as readonly string[]).includes(operation);

/** The refusal, naming the number to call. */
export const accountStoppedError = (services: CoreServices) =>
  new AppError("account_stopped", 403, { values: { phone: services.supportPhone } });

async function stoppedAtOf(db: Db | Tx, customerId: string, lock = false) {
  const query = db
    .select({ name: customers.name, stoppedAt: customers.tradingStoppedAt })
    .from(customers)
    .where(eq(customers.id, customerId));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found", 404);
  return row;
}

export async function tradingStopOf(db: Db, services: CoreServices, customerId: string): Promise<TradingStop> {
  const { stoppedAt } = await stoppedAtOf(db, customerId);
  return {
    stopped: stoppedAt !== null,
    stoppedAt: stoppedAt?.toISOString() ?? null,
    supportPhone: services.supportPhone,
  };
}

/**
 * Refuses `action` (audited) while the customer's trading is stopped. Called before the
 * action's own transaction, so the refusal's audit record is not rolled back with it.
 */
export async function refuseIfStopped(
  db: Db,
  services: CoreServices,
  actor: Actor & { action: StoppedAction },
): Promise<void> {
  const { stoppedAt } = await stoppedAtOf(db, actor.customerId);
  if (!stoppedAt) return;
  await recordAudit(db, {
    eventType: "trading_stop_refusal",
    outcome: "failure",
    customerId: actor.customerId,
    client: actor.client,
    requestId: actor.requestId,
    detail: { reason: "account_stopped", action: actor.action },
  });
  throw accountStoppedError(services);
}

/** The step-up engine's check: only the operations a stop covers (注文の取消 stays allowed). */
export async function refuseStoppedOperation(
  db: Db,
  services: CoreServices,
  actor: Actor & { operation: StepUpOperation },
): Promise<void> {
  if (isStoppedOperation(actor.operation)) await refuseIfStopped(db, services, { ...actor, action: actor.operation });
}

/**
 * The customer stops trading. Idempotent: stopping a stopped account changes nothing and
 * mails nothing (audited as `noop`); the stop that takes effect is audited and mailed
 * (always, R38) in the same transaction.
 */
export async function stopTrading(db: Db, services: CoreServices, actor: Actor): Promise<TradingStop> {
  await db.transaction(async (tx) => {
    const customer = await stoppedAtOf(tx, actor.customerId, true);
    const audit = (outcome: "success" | "noop") =>
      recordAudit(tx, {
        eventType: "trading_stop",
        outcome,
        customerId: actor.customerId,
        client: actor.client,
        requestId: actor.requestId,
        detail: { by: "customer" },
      });
    if (customer.stoppedAt) return audit("noop");
    const now = services.clock.now(actor.customerId);
    await tx
      .update(customers)
      .set({ tradingStoppedAt: now, tradingStopReason: "customer_request", tradingStoppedBy: "customer" })
      .where(eq(customers.id, actor.customerId));
    await audit("success");
    await enqueueMail(tx, {
      customerId: actor.customerId,
      type: "trading_stopped",
      data: { customerName: customer.name, at: now, origin: actor.client },
    });
  });
  return tradingStopOf(db, services, actor.customerId);
}

/**
 * The operator lifts the stop after 本人確認 (`npm run ops -- trading-resume`). Audited with
 * the operator and note, mailed (always). Not stopped: 409 no_pending_request.
 */
export async function resumeTradingByCode(
  db: Db,
  services: CoreServices,
  customerCode: string,
  req: OpsActionRequest,
): Promise<void> {
  const customerId = await findCustomerIdByCode(db, customerCode);
  if (!customerId) throw new AppError("not_found", 404);
  await db.transaction(async (tx) => {
    const customer = await stoppedAtOf(tx, customerId, true);
    if (!customer.stoppedAt) throw new AppError("no_pending_request", 409);
    const now = services.clock.now(customerId);
    await tx
      .update(customers)
      .set({ tradingStoppedAt: null, tradingStopReason: null, tradingStoppedBy: null })
      .where(eq(customers.id, customerId));
    await recordAudit(tx, {
      eventType: "trading_resume",
      outcome: "success",
      customerId,
      subject: req.operator,
      client: { ipAddress: null, userAgent: `operator:${req.operator}` },
      detail: {
        operator: req.operator,
        stoppedAt: customer.stoppedAt.toISOString(),
        ...(req.note ? { note: req.note } : {}),
      },
    });
    await enqueueMail(tx, {
      customerId,
      type: "trading_resumed",
      data: { customerName: customer.name, at: now },
    });
  });
}

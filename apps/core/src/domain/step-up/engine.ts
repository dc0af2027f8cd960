import type { StepUpMethod as StepUpMethodName, StepUpOperation } from "@kakunin/contracts/step-up";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { customers } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";
import { maskEmail } from "../../mail/format.ts";
import { type AuditOutcome, recordAudit } from "../audit.ts";
import { refuseDuringCooling } from "../cooling-period.ts";
import { refuseStoppedOperation } from "../trading-stop.ts";
import type { Actor, Requirement, StepUpMethod } from "./method.ts";
import { authCode } from "./methods/auth-code.ts";
import { executionPassword } from "./methods/execution-password.ts";
import { passkey } from "./methods/passkey.ts";

/**
 * Every step-up method, in the order they are started and verified: the 執行パスワード
 * first, so a locked customer is refused before a code is mailed and its lock counter is
 * reached before a code is used up; the 認証コード before the passkey, so a mistyped code is
 * refused before the assertion is evaluated (its counter advanced) and the customer can
 * correct the code and send a new assertion over the same challenge, without a new
 * confirmation (and a new code, which may be mailed only once a minute).
 */
const methods: readonly StepUpMethod[] = [executionPassword, authCode, passkey];

async function requireCustomer(db: Db | Tx, customerId: string) {
  const [row] = await db
    .select({ name: customers.name, lockedAt: customers.lockedAt })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  return row;
}

/** What confirming `operation` needs at this customer's now (R6, R11, R13, R21), by method. */
async function requirementsOf(
  db: Db | Tx,
  services: CoreServices,
  customerId: string,
  operation: StepUpOperation,
): Promise<Map<StepUpMethodName, Requirement>> {
  const required = new Map<StepUpMethodName, Requirement>();
  for (const method of methods) {
    const requirement = await method.required(db, services, customerId, operation);
    if (requirement) required.set(method.name, requirement);
  }
  for (const method of methods) {
    if (!required.has(method.name)) continue;
    for (const name of method.supersedes ?? []) {
      if (!required.get(name)?.mandatory) required.delete(name);
    }
  }
  return required;
}

/** Issue 15: a 出金先口座 change is refused during the cooling period, before its confirmation opens. */
const refuseCoolingOperation = (
  db: Db,
  services: CoreServices,
  actor: Actor & { operation: StepUpOperation },
): Promise<void> =>
  actor.operation === "change_bank_account"
    ? refuseDuringCooling(db, services, { ...actor, action: actor.operation })
    : Promise.resolve();

/** The first requirement that makes the confirmation impossible (e.g. no passkey where one is due). */
const refusalOf = (required: Map<StepUpMethodName, Requirement>) =>
  [...required.values()].find((r) => r.refusal)?.refusal;

export async function stepUpRequirements(
  db: Db,
  services: CoreServices,
  customerId: string,
  operation: StepUpOperation,
): Promise<{ methods: StepUpMethodName[]; codeDestination: string | null; locked: boolean }> {
  const { lockedAt } = await requireCustomer(db, customerId);
  // 取引停止 (R33): refused before the confirmation opens, so the customer reads why at once.
  await refuseStoppedOperation(db, services, { customerId, operation, client: { ipAddress: null, userAgent: null } });
  await refuseCoolingOperation(db, services, { customerId, operation, client: { ipAddress: null, userAgent: null } });
  const required = await requirementsOf(db, services, customerId, operation);
  const destination = [...required.values()].find((r) => r.destination)?.destination;
  return {
    methods: [...required.keys()],
    codeDestination: destination ? maskEmail(destination) : null,
    locked: lockedAt !== null,
  };
}

/**
 * Opens the confirmation of one operation (R13): starts every required method in order
 * under the customer's row lock (so parallel requests cannot both pass a throttle); the
 * code row, its mail (outbox) and the audit record commit together. A method's refusal
 * (a locked customer, a throttle) is returned from the transaction and audited after it.
 * Only methods that send something answer here, so a confirmation that sends nothing is
 * refused (409 forbidden): no code for an operation unless the customer asked for one.
 */
export async function issueAuthCode(
  db: Db,
  services: CoreServices,
  actor: Actor & { operation: StepUpOperation; digest: string; payload?: Record<string, unknown> | undefined },
): Promise<{ destination: string; expiresAt: Date; reused?: { sentAt: Date; resendAt: Date } }> {
  const audit = (tx: Db | Tx, outcome: AuditOutcome, detail: Record<string, unknown> = {}) =>
    recordAudit(tx, {
      eventType: "auth_code_issue",
      outcome,
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { operation: actor.operation, ...detail },
    });

  await refuseStoppedOperation(db, services, actor);
  await refuseCoolingOperation(db, services, actor);
  const result = await db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ name: customers.name, lockedAt: customers.lockedAt })
      .from(customers)
      .where(eq(customers.id, actor.customerId))
      .for("update");
    if (!customer) throw new AppError("not_found", 404);
    const required = await requirementsOf(tx, services, actor.customerId, actor.operation);
    const refusal = refusalOf(required);
    if (refusal) {
      return {
        status: "refused" as const,
        outcome: "failure" as const,
        detail: { reason: refusal.reason },
        raise: (): never => {
          throw refusal.error();
        },
      };
    }
    let sent: { destination: string; expiresAt: Date; reused?: { sentAt: Date; resendAt: Date } } | undefined;
    for (const method of methods) {
      const requirement = required.get(method.name);
      if (!requirement) continue;
      const outcome = await method.start({
        ...actor,
        tx,
        services,
        payload: actor.payload,
        customer,
        requirement,
      });
      if (outcome.status === "refused") return outcome;
      if (outcome.status === "sent") sent = outcome;
    }
    if (!sent) throw new AppError("forbidden", 409);
    await audit(tx, "success", { destination: sent.destination, ...(sent.reused ? { reused: true } : {}) });
    return { status: "sent" as const, ...sent };
  });

  if (result.status === "refused") {
    await audit(db, result.outcome, result.detail);
    return result.raise();
  }
  const { destination, expiresAt, reused } = result;
  return { destination, expiresAt, ...(reused ? { reused } : {}) };
}

/**
 * Verifies the confirmation of one operation (R6, R13, R26): the requirements at this
 * instant, each required method in order (the 執行パスワード through the one lock counter,
 * R8, R16, then the passkey, then the 認証コード). A confirmation that cannot be done (a
 * passkey due and none registered) and an incomplete submission are refused before anything
 * is evaluated, so they cost no try.
 */
export async function verifyStepUp(
  db: Db,
  services: CoreServices,
  actor: Actor & {
    operation: StepUpOperation;
    digest: string;
    /** What the customer entered, per method (each parsed by its method's contract schema). */
    entries: Partial<Record<StepUpMethodName, unknown>>;
  },
): Promise<void> {
  await requireCustomer(db, actor.customerId);
  await refuseStoppedOperation(db, services, actor);
  await refuseCoolingOperation(db, services, actor);
  const required = await requirementsOf(db, services, actor.customerId, actor.operation);
  const names = [...required.keys()];
  const audit = async (outcome: AuditOutcome, detail: Record<string, unknown> = {}) => {
    await recordAudit(db, {
      eventType: "step_up",
      outcome,
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { operation: actor.operation, methods: names, ...detail },
    });
  };

  const refusal = refusalOf(required);
  if (refusal) {
    await audit("failure", { reason: refusal.reason });
    throw refusal.error();
  }
  const active = methods.filter((m) => required.has(m.name));
  for (const method of active) if (actor.entries[method.name] === undefined) throw method.missing();

  let auditedSuccess = false;
  for (const method of active) {
    const entry = actor.entries[method.name];
    const verified = await method.verify({ ...actor, db, services, entry, methods: names, audit });
    auditedSuccess ||= verified.auditedSuccess;
  }
  if (!auditedSuccess) await audit("success");
}

import type { ClientContext } from "@kakunin/contracts/core-api";
import type { MarginAccountApplication, MarginAccountApplicationView } from "@kakunin/contracts/margin-accounts";
import type { OpsActionRequest } from "@kakunin/contracts/ops";
import type { AccountOpening } from "@kakunin/contracts/registered-info";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { accountOpenings, marginAccountApplications } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { recordAudit } from "./audit.ts";
import { lockCustomer } from "./bank-accounts.ts";
import { findCustomerIdByCode, jstDate } from "./customers.ts";
import { refuseIfStopped } from "./trading-stop.ts";

/**
 * 信用取引口座開設 (R41). The 信用取引口座's row in `account_openings` is the state the rest of
 * core reads (信用新規 needs 開設済); `margin_account_applications` keeps each application with
 * its answers and the operator's decision:
 *
 *   未開設 --apply--> 審査中 --approve--> 開設済
 *                       └----reject---> 未開設 (the customer may apply again)
 *
 * Every step takes the customer's row lock first, so two applies (or an apply and a decision)
 * run one after the other and the second sees the first's state.
 */
const MARGIN = "信用取引口座";

type ApplicationRow = typeof marginAccountApplications.$inferSelect;

const toView = (row: ApplicationRow, status: MarginAccountApplicationView["status"]): MarginAccountApplicationView => ({
  id: row.id,
  status,
  appliedAt: row.appliedAt.toISOString(),
  stockExperience: row.stockExperience,
  annualIncome: row.annualIncome,
  financialAssets: row.financialAssets,
});

async function marginStatus(tx: Tx, customerId: string) {
  const [row] = await tx
    .select({ status: accountOpenings.status })
    .from(accountOpenings)
    .where(and(eq(accountOpenings.customerId, customerId), eq(accountOpenings.kind, MARGIN)));
  // A customer without the row has never applied: 未開設, as 口座開設状況 shows it.
  return row?.status ?? "未開設";
}

/** Sets the 信用取引口座's row (inserting it for a customer created without one). */
async function setMarginOpening(tx: Tx, customerId: string, opening: Omit<AccountOpening, "kind">) {
  await tx
    .insert(accountOpenings)
    .values({ customerId, kind: MARGIN, ...opening })
    .onConflictDoUpdate({ target: [accountOpenings.customerId, accountOpenings.kind], set: opening });
}

/**
 * The customer applies (only from 未開設): the answers are stored, the account becomes 審査中,
 * and the receipt is mailed (always), all in one transaction. 審査中 and 開設済 are refused
 * with 409; whether the answers are suitable is for the operator to judge, not for this code.
 */
export async function applyMarginAccount(
  db: Db,
  services: CoreServices,
  actor: {
    customerId: string;
    application: MarginAccountApplication;
    client: ClientContext;
    requestId?: string | undefined;
  },
): Promise<MarginAccountApplicationView> {
  await refuseIfStopped(db, services, { ...actor, action: "apply_margin_account" });
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, actor.customerId);
    const status = await marginStatus(tx, actor.customerId);
    if (status === "審査中") throw new AppError("margin_application_in_review", 409);
    if (status === "開設済") throw new AppError("margin_account_open", 409);
    const now = services.clock.now(actor.customerId);
    const { agreement: _, ...answers } = actor.application;
    const [row] = await tx
      .insert(marginAccountApplications)
      .values({ customerId: actor.customerId, ...answers, agreedAt: now, appliedAt: now })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await setMarginOpening(tx, actor.customerId, { status: "審査中", appliedOn: jstDate(now), openedOn: null });
    await recordAudit(tx, {
      eventType: "margin_account_apply",
      outcome: "success",
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { applicationId: row.id, ...answers },
    });
    await enqueueMail(tx, {
      customerId: actor.customerId,
      type: "margin_account_applied",
      data: { customerName: customer.name, at: now },
    });
    return toView(row, "審査中");
  });
}

/**
 * An operator's decision on the customer's application under review. Approval opens the
 * account (開設済, opened today), rejection returns it to 未開設; either way the customer is
 * mailed (always) without the operator's note, which stays in the record and the audit trail.
 * Nothing under review (未開設 or already 開設済): 409 no_pending_request.
 */
export async function decideMarginAccount(
  db: Db,
  services: CoreServices,
  input: { customerId: string; decision: "approve" | "reject"; operator: string; note?: string | undefined },
): Promise<MarginAccountApplicationView> {
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    const [pending] = await tx
      .select()
      .from(marginAccountApplications)
      .where(
        and(eq(marginAccountApplications.customerId, input.customerId), isNull(marginAccountApplications.decision)),
      );
    if (!pending) throw new AppError("no_pending_request", 409);
    const now = services.clock.now(input.customerId);
    const approve = input.decision === "approve";
    const [decided] = await tx
      .update(marginAccountApplications)
      .set({ decision: approve ? "承認" : "却下", decidedAt: now, operator: input.operator, note: input.note ?? null })
      .where(eq(marginAccountApplications.id, pending.id))
      .returning();
    if (!decided) throw new Error("update returned no row");
    await setMarginOpening(
      tx,
      input.customerId,
      approve
        ? { status: "開設済", appliedOn: jstDate(pending.appliedAt), openedOn: jstDate(now) }
        : { status: "未開設", appliedOn: null, openedOn: null },
    );
    await recordAudit(tx, {
      eventType: approve ? "margin_account_approve" : "margin_account_reject",
      outcome: "success",
      customerId: input.customerId,
      subject: input.operator,
      client: { ipAddress: null, userAgent: `operator:${input.operator}` },
      detail: { operator: input.operator, ...(input.note ? { note: input.note } : {}), applicationId: pending.id },
    });
    await enqueueMail(tx, {
      customerId: input.customerId,
      type: approve ? "margin_account_opened" : "margin_account_rejected",
      data: { customerName: customer.name, at: now },
    });
    return toView(decided, approve ? "開設済" : "未開設");
  });
}

/** `npm run ops -- margin-approve|margin-reject <お客様コード>`: the operator names the customer by code. */
export async function decideMarginAccountByCode(
  db: Db,
  services: CoreServices,
  customerCode: string,
  decision: "approve" | "reject",
  req: OpsActionRequest,
) {
  const customerId = await findCustomerIdByCode(db, customerCode);
  if (!customerId) throw new AppError("not_found", 404);
  return decideMarginAccount(db, services, { customerId, decision, operator: req.operator, note: req.note });
}

/**
 * DEMO DATA only: an application under review as if the customer had applied on `appliedOn`
 * (the 信用取引口座's row says 審査中 already), so an operator can decide it in a demo.
 */
export async function seedMarginApplication(
  db: Db,
  customerId: string,
  application: Omit<MarginAccountApplication, "agreement"> & { appliedOn: string },
) {
  const { appliedOn, ...answers } = application;
  const at = new Date(`${appliedOn}T10:00:00+09:00`);
  await db.insert(marginAccountApplications).values({ customerId, ...answers, agreedAt: at, appliedAt: at });
}

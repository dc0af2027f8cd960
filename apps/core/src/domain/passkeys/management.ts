import type { OpsActionRequest } from "@kakunin/contracts/ops";
import type { PasskeyView } from "@kakunin/contracts/passkeys";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { passkeyCredentials } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { recordAudit } from "../audit.ts";
import { operatorClient, requireId } from "../operations.ts";
import { refuseIfStopped } from "../trading-stop.ts";
import { type PasskeyActor, readPasskeys, requireCustomer, toPasskeyView } from "./common.ts";

export async function listPasskeys(db: Db, customerId: string): Promise<PasskeyView[]> {
  await requireCustomer(db, customerId);
  return readPasskeys(db, customerId);
}

const ownPasskey = (customerId: string, passkeyId: string) =>
  and(eq(passkeyCredentials.id, passkeyId), eq(passkeyCredentials.customerId, customerId));

/** 名前の変更: only the customer's own passkey (another's answers 404, as an unknown one). */
export async function renamePasskey(
  db: Db,
  actor: PasskeyActor & { passkeyId: string; name: string },
): Promise<PasskeyView> {
  return db.transaction(async (tx) => {
    await requireCustomer(tx, actor.customerId);
    const [before] = await tx
      .select({ name: passkeyCredentials.name })
      .from(passkeyCredentials)
      .where(ownPasskey(actor.customerId, actor.passkeyId))
      .for("update");
    if (!before) throw new AppError("not_found", 404);
    const [row] = await tx
      .update(passkeyCredentials)
      .set({ name: actor.name })
      .where(ownPasskey(actor.customerId, actor.passkeyId))
      .returning();
    if (!row) throw new AppError("not_found", 404);
    await recordAudit(tx, {
      eventType: "passkey_rename",
      outcome: before.name === row.name ? "noop" : "success",
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { passkeyId: row.id, from: before.name, to: row.name },
    });
    return toPasskeyView(row);
  });
}

/**
 * 削除: the row goes (the audit trail keeps its trace) and パスキー削除通知 always goes out
 * with the change, so a customer learns at once if someone else removed a passkey.
 */
export async function deletePasskey(
  db: Db,
  services: CoreServices,
  actor: PasskeyActor & { passkeyId: string },
): Promise<PasskeyView[]> {
  await refuseIfStopped(db, services, { ...actor, action: "delete_passkey" });
  return db.transaction(async (tx) => {
    const customer = await requireCustomer(tx, actor.customerId, true);
    const [row] = await tx.delete(passkeyCredentials).where(ownPasskey(actor.customerId, actor.passkeyId)).returning();
    if (!row) throw new AppError("not_found", 404);
    await recordAudit(tx, {
      eventType: "passkey_delete",
      outcome: "success",
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { passkeyId: row.id, name: row.name, credentialId: row.credentialId },
    });
    await enqueueMail(tx, {
      customerId: actor.customerId,
      type: "passkey_deleted",
      data: {
        customerName: customer.name,
        at: services.clock.now(actor.customerId),
        passkeyName: row.name,
        origin: actor.client,
      },
    });
    return readPasskeys(tx, actor.customerId);
  });
}

/**
 * Recovery (issue 14): a customer who lost every device calls; after 本人確認 the operator
 * removes all their passkeys and the customer registers anew. There is deliberately no
 * self-service path to this, which a phisher could use. Mails パスキー一括削除通知.
 */
export async function removeAllPasskeys(
  db: Db,
  services: CoreServices,
  customerCode: string,
  req: OpsActionRequest,
): Promise<"removed" | "had_none"> {
  const customerId = await requireId(db, customerCode);
  return db.transaction(async (tx) => {
    const customer = await requireCustomer(tx, customerId, true);
    const removed = await tx
      .delete(passkeyCredentials)
      .where(eq(passkeyCredentials.customerId, customerId))
      .returning({ id: passkeyCredentials.id, credentialId: passkeyCredentials.credentialId });
    await recordAudit(tx, {
      eventType: "passkeys_remove",
      outcome: removed.length > 0 ? "success" : "noop",
      customerId,
      subject: req.operator,
      client: operatorClient(req),
      detail: { operator: req.operator, ...(req.note ? { note: req.note } : {}), removed },
    });
    if (removed.length === 0) return "had_none";
    await enqueueMail(tx, {
      customerId,
      type: "passkeys_removed",
      data: { customerName: customer.name, at: services.clock.now(customerId), count: removed.length },
    });
    return "removed";
  });
}

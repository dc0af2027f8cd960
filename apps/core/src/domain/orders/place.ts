import type { Order, OrderRequest } from "@kakunin/contracts/trading";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { instruments, orders } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";
import { recordAudit } from "../audit.ts";
import { claimRequestKey } from "../request-keys.ts";
import { refuseIfStopped } from "../trading-stop.ts";
import { withdrawableOf } from "../withdrawals.ts";
import { fillStockOrder } from "./fills.ts";
import { debitIfAvailable, freeHolding, reserveHolding, reserveMarginPosition } from "./ledger.ts";
import { findByKey, nameOf, type OrderActor, requireCustomer, toOrder } from "./rows.ts";
import {
  buyingPowerError,
  cashReserveFor,
  crosses,
  holdingsError,
  marginPositionError,
  orderRefusals,
  reject,
  unknownInstrumentError,
} from "./rules.ts";

/**
 * 注文 (R17, R18, R26), in one transaction: the request key is claimed (request-keys.ts) — a
 * retry of this same order returns it (nothing reserved or filled again; a concurrent twin
 * waits for the first), the key of any other request is refused with 422
 * idempotency_key_reused; the order is validated against market data, inserted, its
 * reservation taken by a conditional UPDATE, and a 成行 or already-crossed 指値 stock order
 * filled at once at the current price. A refusal stores nothing but its audit record.
 */
export async function placeOrder(
  db: Db,
  services: CoreServices,
  actor: OrderActor & { request: OrderRequest; requestKey: string },
): Promise<{ order: Order; created: boolean }> {
  await refuseIfStopped(db, services, { ...actor, action: "place_order" });
  const { request } = actor;
  const code = request.kind === "stock" ? request.instrumentCode : request.fundCode;
  const audit = (tx: Db | Tx, outcome: "success" | "failure", detail: Record<string, unknown>) =>
    recordAudit(tx, {
      eventType: "order_place",
      outcome,
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { request, ...detail },
    });

  try {
    return await db.transaction(async (tx) => {
      await requireCustomer(tx, actor.customerId);
      const { customerId, requestKey } = actor;
      if ((await claimRequestKey(tx, { customerId, requestKey, operation: "place_order", request })) === "replay") {
        const first = await findByKey(tx, actor.customerId, actor.requestKey);
        if (!first) throw new Error("request key without its order");
        return { order: toOrder(first, await nameOf(tx, first.instrumentCode)), created: false };
      }

      // A share lock: a price change waits for this order to commit, then sees it.
      const [inst] = await tx.select().from(instruments).where(eq(instruments.code, code)).for("share");
      if (!inst || inst.kind !== request.kind) {
        throw reject([unknownInstrumentError(request)]);
      }
      const now = services.clock.now(actor.customerId);
      const base = {
        customerId: actor.customerId,
        kind: request.kind,
        instrumentCode: inst.code,
        side: request.side,
        requestKey: actor.requestKey,
        createdAt: now,
        updatedAt: now,
      };

      // The same rules the check before the confirmation applied (orderRefusals), now under
      // the order's locks; the conditional UPDATEs below stay the authority under concurrency.
      const { refusals, marginPositionId } = await orderRefusals(tx, actor.customerId, inst, request, "share");
      if (refusals.length > 0) throw reject(refusals);

      let values: typeof orders.$inferInsert;
      if (request.kind === "stock") {
        const reserveCash = cashReserveFor(inst, request, request.quantity, request.limitPrice);
        const reserveQuantity = request.side === "sell" && request.account === "cash" ? request.quantity : 0;
        values = {
          ...base,
          account: request.account,
          marginAction: request.marginAction,
          marginPositionId,
          quantity: request.quantity,
          priceType: request.priceType,
          limitPrice: request.limitPrice,
          reservedCash: reserveCash,
          reservedQuantity: marginPositionId ? request.quantity : reserveQuantity,
        };
      } else {
        values = {
          ...base,
          amount: request.side === "buy" ? request.amount : null,
          units: request.side === "sell" ? request.units : null,
          reservedCash: request.side === "buy" ? (request.amount ?? 0) : 0,
          reservedQuantity: request.side === "sell" ? (request.units ?? 0) : 0,
        };
      }

      const [inserted] = await tx.insert(orders).values(values).returning();
      if (!inserted) throw new Error("order not inserted");

      const quantityPath = request.kind === "stock" ? "quantity" : request.side === "buy" ? "amount" : "units";
      if (!(await debitIfAvailable(tx, actor.customerId, inserted.reservedCash))) {
        throw reject([buyingPowerError(quantityPath, await withdrawableOf(tx, actor.customerId))]);
      }
      if (inserted.reservedQuantity > 0) {
        const ok = marginPositionId
          ? await reserveMarginPosition(tx, marginPositionId, inserted.reservedQuantity)
          : await reserveHolding(tx, actor.customerId, inst.code, inserted.reservedQuantity);
        if (!ok && marginPositionId) throw reject([marginPositionError]);
        if (!ok) throw reject([holdingsError(request.kind, await freeHolding(tx, actor.customerId, inst.code))]);
      }
      await audit(tx, "success", { orderNumber: inserted.orderNumber, reservedCash: inserted.reservedCash });

      if (inserted.kind === "stock" && crosses(inserted, inst.price)) {
        await fillStockOrder(tx, services, inserted, inst, inst.price);
      }
      const [final] = await tx.select().from(orders).where(eq(orders.id, inserted.id));
      return { order: toOrder(final ?? inserted, inst.name), created: true };
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "order_rejected") {
      await audit(db, "failure", { reason: err.extra.fields?.map((f) => f.reason) });
    }
    if (err instanceof AppError && err.code === "idempotency_key_reused") {
      await audit(db, "failure", { reason: err.code });
    }
    throw err;
  }
}

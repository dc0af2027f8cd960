import type { OpsActionRequest } from "@kakunin/contracts/ops";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { type ExclusiveRun, runExclusive } from "../db/run-lock.ts";
import { instruments, timerSlots } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { recordAudit } from "./audit.ts";
import { isOnTick, nextPrice, priceLimits, tickSize } from "./market.ts";
import { executeFundOrders, expireStockOrders, fillCrossedOrders } from "./orders/fills.ts";

/**
 * Operator actions on the simulated market (R18). A price change commits on its own; the
 * limit orders it crosses are then filled one transaction each (each fill locks its order,
 * so a concurrent 取消 either wins or finds the order filled).
 */
const operatorClient = (operator: string) => ({ ipAddress: null, userAgent: `operator:${operator}` });

/** Sets a stock's price (on the tick, within the daily limits) or a fund's NAV, then fills crossed orders. */
export async function setPrice(
  db: Db,
  services: CoreServices,
  code: string,
  req: { operator: string; price: number },
): Promise<{ done: string; filledOrders: number }> {
  const { price } = req;
  const kind = await db.transaction(async (tx) => {
    const [inst] = await tx.select().from(instruments).where(eq(instruments.code, code)).for("update");
    if (!inst) throw new AppError("not_found", 404);
    if (inst.kind === "stock") {
      const { limitDown, limitUp } = priceLimits(inst.previousClose);
      if (!isOnTick(price)) {
        throw new AppError("validation_failed", 400, {
          fields: [{ path: "price", message: `この価格帯の呼値は${tickSize(price)}円単位です。`, reason: "tick" }],
        });
      }
      if (price < limitDown || price > limitUp) {
        throw new AppError("validation_failed", 400, {
          fields: [
            { path: "price", message: `値幅制限（${limitDown}円～${limitUp}円）の範囲外です。`, reason: "price_limit" },
          ],
        });
      }
    } else if (!Number.isInteger(price)) {
      throw new AppError("validation_failed", 400, {
        fields: [{ path: "price", message: "基準価額は1円単位で入力してください。" }],
      });
    }
    await tx.update(instruments).set({ price, updatedAt: sql`now()` }).where(eq(instruments.code, code));
    await recordAudit(tx, {
      eventType: "market_price_set",
      outcome: "success",
      customerId: null,
      subject: req.operator,
      client: operatorClient(req.operator),
      detail: { operator: req.operator, code, from: inst.price, to: price },
    });
    return inst.kind;
  });
  const filledOrders = kind === "stock" ? await fillCrossedOrders(db, services, code) : 0;
  return { done: `${code}: price set to ${price}`, filledOrders };
}

/**
 * Runs an operator's market job unless the same job is running on any core instance (issue
 * 18): the second caller gets 409 `run_in_progress` at once, having changed nothing. Waiting
 * instead would run the job again straight after the first (every NAV a second step, or a
 * second expiry at day end), which is never what an operator who pressed twice meant.
 */
async function exclusively<T>(db: Db, run: ExclusiveRun, fn: () => Promise<T>): Promise<T> {
  const result = await runExclusive(db, run, fn);
  if (!result.ran) throw new AppError("run_in_progress", 409);
  return result.value;
}

/** One deterministic step of every stock price (seeded by MARKET_SEED), filling crossed limit orders. */
export function marketTick(db: Db, services: CoreServices): Promise<{ done: string; filledOrders: number }> {
  return exclusively(db, "marketTick", () => stepMarket(db, services));
}

/**
 * The periodic tick of MARKET_TICK_MS, which every core instance runs: a step happens only
 * if no tick is running anywhere and this interval (database time ÷ `intervalMs`) has had
 * none, so the market moves once per interval whatever the number of instances or their
 * phase. Returns null when it did nothing.
 */
export async function timerMarketTick(
  db: Db,
  services: CoreServices,
  intervalMs: number,
): Promise<{ filledOrders: number } | null> {
  const result = await runExclusive(db, "marketTick", async () => {
    const slot = sql`floor(extract(epoch from clock_timestamp()) * 1000 / ${intervalMs})::bigint`;
    const claimed = await db
      .insert(timerSlots)
      .values({ name: "market_tick", slot })
      .onConflictDoUpdate({
        target: timerSlots.name,
        set: { slot, claimedAt: sql`now()` },
        setWhere: sql`${timerSlots.slot} < excluded.slot`,
      })
      .returning({ slot: timerSlots.slot });
    if (claimed.length === 0) return null;
    // A tick is no request, so the test clock's shared times are read here (test API only).
    await services.clock.refresh?.(db);
    return { filledOrders: (await stepMarket(db, services)).filledOrders };
  });
  return result.ran ? result.value : null;
}

async function stepMarket(db: Db, services: CoreServices): Promise<{ done: string; filledOrders: number }> {
  const stocks = await db
    .select({ code: instruments.code })
    .from(instruments)
    .where(eq(instruments.kind, "stock"))
    .orderBy(asc(instruments.code));
  let filledOrders = 0;
  for (const { code } of stocks) {
    await stepPrice(db, services, code);
    filledOrders += await fillCrossedOrders(db, services, code);
  }
  return { done: `${stocks.length} prices moved`, filledOrders };
}

async function stepPrice(db: Db, services: CoreServices, code: string) {
  await db.transaction(async (tx) => {
    const [inst] = await tx.select().from(instruments).where(eq(instruments.code, code)).for("update");
    if (!inst) return;
    await tx
      .update(instruments)
      .set({ price: nextPrice(inst, services.market.seed), step: inst.step + 1, updatedAt: sql`now()` })
      .where(eq(instruments.code, code));
  });
}

/** 基準価額 run: every fund's NAV moves one deterministic step; open fund orders execute at it. */
export function runNav(db: Db, services: CoreServices, req: OpsActionRequest) {
  return exclusively(db, "navRun", () => navRun(db, services, req));
}

async function navRun(db: Db, services: CoreServices, req: OpsActionRequest) {
  const funds = await db
    .select({ code: instruments.code })
    .from(instruments)
    .where(eq(instruments.kind, "fund"))
    .orderBy(asc(instruments.code));
  for (const { code } of funds) await stepPrice(db, services, code);
  const filledOrders = await executeFundOrders(db, services);
  await recordAudit(db, {
    eventType: "nav_run",
    outcome: "success",
    customerId: null,
    subject: req.operator,
    client: operatorClient(req.operator),
    detail: { operator: req.operator, filledOrders, ...(req.note ? { note: req.note } : {}) },
  });
  return { done: `NAV of ${funds.length} funds set`, filledOrders };
}

/**
 * End of the trading day: every open stock order (all are day orders) expires, releasing
 * its reservation; each stock's current price becomes the previous close for the next
 * day's price limits.
 */
export function expireOrders(db: Db, services: CoreServices, req: OpsActionRequest) {
  return exclusively(db, "expireOrders", () => expireAll(db, services, req));
}

async function expireAll(db: Db, services: CoreServices, req: OpsActionRequest) {
  const expired = await expireStockOrders(db, services, req.operator);
  await db
    .update(instruments)
    .set({ previousClose: sql`${instruments.price}`, updatedAt: sql`now()` })
    .where(eq(instruments.kind, "stock"));
  await recordAudit(db, {
    eventType: "orders_expire",
    outcome: "success",
    customerId: null,
    subject: req.operator,
    client: operatorClient(req.operator),
    detail: { operator: req.operator, expired, ...(req.note ? { note: req.note } : {}) },
  });
  return { done: `${expired} orders expired`, filledOrders: 0 };
}

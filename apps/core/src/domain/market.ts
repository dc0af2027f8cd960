import type { Instrument } from "@kakunin/contracts/trading";
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { instruments } from "../db/schema.ts";

/**
 * The simulated market (R18): TSE tick sizes (呼値) and daily price limits (制限値幅), and a
 * deterministic, seedable price step. Prices are integer yen.
 */
export type InstrumentRow = typeof instruments.$inferSelect;

/** 呼値の単位 (standard table, non-TOPIX500): [upper bound inclusive, tick]. */
const TICK_TABLE: readonly (readonly [number, number])[] = [
  [3_000, 1],
  [5_000, 5],
  [30_000, 10],
  [50_000, 50],
  [300_000, 100],
  [500_000, 500],
  [3_000_000, 1_000],
  [5_000_000, 5_000],
  [30_000_000, 10_000],
  [50_000_000, 50_000],
];

export function tickSize(price: number): number {
  for (const [upTo, tick] of TICK_TABLE) if (price <= upTo) return tick;
  return 100_000;
}

/** 制限値幅 by previous close: [previous close below, width]. */
const LIMIT_TABLE: readonly (readonly [number, number])[] = [
  [100, 30],
  [200, 50],
  [500, 80],
  [700, 100],
  [1_000, 150],
  [1_500, 300],
  [2_000, 400],
  [3_000, 500],
  [5_000, 700],
  [7_000, 1_000],
  [10_000, 1_500],
  [15_000, 3_000],
  [20_000, 4_000],
  [30_000, 5_000],
  [50_000, 7_000],
  [70_000, 10_000],
  [100_000, 15_000],
  [150_000, 30_000],
  [200_000, 40_000],
  [300_000, 50_000],
  [500_000, 70_000],
  [700_000, 100_000],
  [1_000_000, 150_000],
  [1_500_000, 300_000],
  [2_000_000, 400_000],
  [3_000_000, 500_000],
  [5_000_000, 700_000],
];

export function limitWidth(previousClose: number): number {
  for (const [below, width] of LIMIT_TABLE) if (previousClose < below) return width;
  return 1_000_000;
}

/** 値幅制限 of a stock: [limitDown, limitUp]. */
export function priceLimits(previousClose: number): { limitDown: number; limitUp: number } {
  const width = limitWidth(previousClose);
  return { limitDown: Math.max(previousClose - width, 1), limitUp: previousClose + width };
}

export const isOnTick = (price: number) => Number.isInteger(price) && price % tickSize(price) === 0;

/** The nearest valid price at or below `price` (never below one tick). */
export function floorToTick(price: number): number {
  const tick = tickSize(price);
  return Math.max(Math.floor(price / tick) * tick, 1);
}

/** mulberry32: a tiny seeded PRNG; one draw in [0, 1). */
function mulberry32(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** FNV-1a of a string, as a 32-bit seed. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The draw for step `step` of instrument `code` under market seed `seed`: deterministic. */
export const marketDraw = (seed: number, code: string, step: number) => mulberry32(fnv1a(`${seed}:${code}:${step}`));

/**
 * The next simulated price: a move of at most ±2 % (stocks) or ±1 % (fund NAV) drawn from
 * (seed, code, step), rounded to the tick and clamped to the daily limits.
 */
export function nextPrice(
  row: Pick<InstrumentRow, "code" | "kind" | "price" | "previousClose" | "step">,
  seed: number,
) {
  const r = marketDraw(seed, row.code, row.step + 1);
  if (row.kind === "fund") return Math.max(Math.round(row.price * (1 + (r - 0.5) * 0.02)), 1);
  const { limitDown, limitUp } = priceLimits(row.previousClose);
  const moved = floorToTick(Math.round(row.price * (1 + (r - 0.5) * 0.04)));
  return Math.min(Math.max(moved, limitDown), limitUp);
}

export function toInstrument(row: InstrumentRow): Instrument {
  const limits = row.kind === "stock" ? priceLimits(row.previousClose) : null;
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    lotSize: row.lotSize,
    price: row.price,
    previousClose: row.previousClose,
    limitUp: limits?.limitUp ?? null,
    limitDown: limits?.limitDown ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listInstruments(db: Db): Promise<Instrument[]> {
  const rows = await db.select().from(instruments).orderBy(asc(instruments.kind), asc(instruments.code));
  return rows.map(toInstrument);
}

export async function findInstrument(db: Db | Tx, code: string): Promise<InstrumentRow | undefined> {
  const [row] = await db.select().from(instruments).where(eq(instruments.code, code));
  return row;
}

import { type CursorPosition, decodeCursor, encodeCursor, INVALID_CURSOR_MESSAGE } from "@kakunin/contracts/pagination";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { AppError } from "../lib/errors.ts";

// Keyset pagination (issue 16): each page reads the next `limit` rows in (time desc, key desc)
// order from an index on (customer_id, time, key), so a page costs the same on the first
// page and the hundredth, for a customer with ten orders or ten thousand.

/**
 * The row's time as microseconds since the epoch, as text. A JS Date keeps milliseconds
 * only: audit rows written within one millisecond would otherwise be skipped or repeated.
 */
export const microsOf = (time: AnyColumn) => sql<string>`(extract(epoch from ${time}) * 1000000)::bigint::text`;

/** The position a route's validated `?cursor=` names; a cursor of another list is a field error. */
export function positionOf(cursor: string | undefined, key: RegExp): CursorPosition | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor, key);
  if (!position) {
    throw new AppError("validation_failed", 400, {
      fields: [{ path: "cursor", message: INVALID_CURSOR_MESSAGE, reason: "invalid_cursor" }],
    });
  }
  return position;
}

/**
 * Rows after `position` in (time desc, key desc) order: one row comparison, which PostgreSQL
 * answers from the index on (customer_id, time, key) without a sort.
 */
export function afterPosition(time: AnyColumn, key: AnyColumn, position: CursorPosition, keyType: "text" | "bigint") {
  const at = sql`(timestamptz 'epoch' + ${position.at}::bigint * interval '1 microsecond')`;
  const k: SQL = keyType === "bigint" ? sql`${position.key}::bigint` : sql`${position.key}`;
  return sql`(${time}, ${key}) < (${at}, ${k})`;
}

/**
 * One page out of `limit + 1` rows read: the extra row only tells that there is another page,
 * and the cursor names the last row shown.
 */
export function toPage<T>(
  rows: T[],
  limit: number,
  positionOfRow: (row: T) => CursorPosition,
): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return { rows: shown, nextCursor: last ? encodeCursor(positionOfRow(last)) : null };
}

import { z } from "zod";

/**
 * Keyset pagination of the customer's lists (注文照会, 出金申込履歴, ログイン履歴; issue 16).
 * A page ends with `nextCursor`, the opaque position after its last row: base64url of
 * `[createdAtMicros, key]`, where createdAtMicros is the row's time in microseconds since
 * the epoch (the database's precision, so rows of the same millisecond are neither skipped
 * nor repeated) and key its tie-breaker (注文番号, 受付番号, the audit row's id). Clients
 * pass it back unchanged; null means there is no further page.
 */
export interface CursorPosition {
  /** Microseconds since the epoch, as decimal digits (exact beyond 2^53). */
  at: string;
  key: string;
}

/** The field message (an id) of a cursor that is not one this list gave out. */
export const INVALID_CURSOR_MESSAGE = "validation.cursor.invalid";

// Up to 16 digits: until the year 2286, and always within PostgreSQL's bigint.
const MICROS = /^\d{1,16}$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

export function encodeCursor(position: CursorPosition): string {
  return btoa(JSON.stringify([position.at, position.key]))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The position a cursor names, or null when it is not a cursor of a list whose keys match `key`. */
export function decodeCursor(cursor: string, key: RegExp): CursorPosition | null {
  if (!BASE64URL.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [at, k] = parsed as unknown[];
  if (typeof at !== "string" || !MICROS.test(at) || typeof k !== "string" || !key.test(k)) return null;
  return { at, key: k };
}

/** Tie-breakers of each list: 注文番号, 受付番号 and the audit trail's row id. */
export const cursorKeys = {
  orders: /^O\d{8}$/,
  withdrawals: /^W\d{8}$/,
  logins: /^[1-9]\d{0,17}$/,
} as const;

/** `?cursor=` of a list whose keys match `key`; a foreign or damaged cursor is a field error. */
export function pageQuerySchema(key: RegExp) {
  return z.object({
    cursor: z
      .string()
      .refine((value) => decodeCursor(value, key) !== null, {
        message: INVALID_CURSOR_MESSAGE,
        params: { reason: "invalid_cursor" },
      })
      .optional(),
  });
}

export const orderPageQuerySchema = pageQuerySchema(cursorKeys.orders);
export const withdrawalPageQuerySchema = pageQuerySchema(cursorKeys.withdrawals);
export const loginHistoryPageQuerySchema = pageQuerySchema(cursorKeys.logins);
export type PageQuery = z.infer<typeof orderPageQuerySchema>;

/** The position after a page's last row, or null on the last page. */
export const nextCursorSchema = z.string().nullable();

/** Rows per page: today's caps were 200 / 100 / 20; pages keep each answer small. */
export const PAGE_SIZES = { orders: 50, withdrawals: 50, logins: 20 } as const;

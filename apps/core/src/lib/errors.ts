import { errorBody } from "@kakunin/contracts/error-body";
import type { ErrorBody, ErrorCode, ErrorExtras } from "@kakunin/contracts/errors";
import { defaultLocale, type Locale } from "@kakunin/contracts/locale";
import type { MessageValues } from "@kakunin/contracts/message-ref";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * A domain error with a stable code; the app's error handler renders it as JSON in the
 * reader's language (R36). Domain code does not know the reader: it names messages by id
 * (`messageRef`, message-ref.ts), in `message` and in the fields' messages alike.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
    readonly extra: ErrorExtras & {
      /**
       * Replaces the code's default message where the default would mislead (e.g. which limit
       * was hit): a message id, maybe with values; or, where a value itself depends on the
       * language (the support hours), the message id for the reader's.
       */
      message?: string | ((locale: Locale) => string);
      /** The values of the code's own message (`errors.<code>`), e.g. the support number. */
      values?: MessageValues;
      /** Sent as `Retry-After` (429/503 from the hash gate). */
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(code);
  }
}

/** The error body of `err` in `locale`, as core's error handler answers it (R36). */
export function appErrorBody(err: AppError, locale: Locale = defaultLocale, requestId?: string): ErrorBody {
  const { retryAfterSeconds: _header, message, ...extra } = err.extra;
  const text = typeof message === "function" ? message(locale) : message;
  return errorBody(err.code, {
    ...extra,
    locale,
    ...(requestId === undefined ? {} : { requestId }),
    ...(text === undefined ? {} : { message: text }),
  });
}

/**
 * PostgreSQL refused a value itself: SQLSTATE class 22, "data exception" (NUL in text,
 * invalid JSON escapes, a number out of range…). Drizzle wraps the driver's error (pg's and
 * PGlite's both carry `code`), so the cause chain is searched.
 */
export function isDataException(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) return true;
    current = cause;
  }
  return false;
}

import type { ErrorCode, FieldError } from "@kakunin/contracts/errors";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A domain error with a stable code; the app's error handler renders it as JSON. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
    readonly extra: {
      fields?: FieldError[];
      remainingAttempts?: number;
      remainingCodeAttempts?: number;
      /** Replaces the code's default message where the default would mislead (e.g. which limit was hit). */
      message?: string;
      /** Sent as `Retry-After` (429/503 from the hash gate). */
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(code);
  }
}

import type { ErrorCode, ErrorExtras } from "@kakunin/contracts/errors";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error the BFF answers with `{ error: { code, message, …extras } }`; see app.ts's onError. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
    readonly options: ErrorExtras & { headers?: Record<string, string> } = {},
  ) {
    super(code);
  }
}

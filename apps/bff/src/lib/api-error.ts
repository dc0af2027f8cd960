import type { ErrorCode, FieldError } from "@kakunin/contracts/errors";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error the BFF answers with `{ error: { code, message } }`; see app.ts's onError. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
    readonly options: {
      fields?: FieldError[];
      headers?: Record<string, string>;
      /** Execution-password tries left, as core reports them (0 with account_locked). */
      remainingAttempts?: number;
      stepUp?: { operation: string; methods: ("execution_password" | "auth_code")[]; maxAgeSeconds: number };
    } = {},
  ) {
    super(code);
  }
}

import { BACKGROUND_REQUEST_HEADER } from "@kakunin/contracts/auth";
import { type ErrorBody, type ErrorCode, errorBodySchema, type FieldError } from "@kakunin/contracts/errors";
import type { z } from "zod";
import { errorText } from "./i18n/error-text.ts";
import { isUserIdle } from "./user-input.ts";

/**
 * What a 403 `step_up_required` asks for (R35): the operation to confirm, the methods to
 * collect (執行パスワード, 認証コード) and how long the resulting grant lasts.
 */
export type StepUpDemand = NonNullable<ErrorBody["error"]["stepUp"]>;

/** An error the SPA can show: a stable code plus the message the BFF chose, in the reader's language. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly retryable: boolean;
  readonly requestId: string | undefined;
  /** Execution-password tries left before the account locks (with wrong_execution_password). */
  readonly remainingAttempts: number | undefined;
  /** 認証コード entries left before the code is void (with wrong_auth_code). */
  readonly remainingCodeAttempts: number | undefined;
  /** With step_up_required: what to confirm before retrying the same call. */
  readonly stepUp: StepUpDemand | undefined;
  /** Issue 15: the masked address of a new device's 認証コード (with device_verification_required). */
  readonly codeSentTo: string | undefined;
  /** Issue 15: when the cooling period ends (with new_device_cooling). */
  readonly coolingUntil: string | undefined;

  constructor(init: {
    code: ErrorCode;
    status: number;
    message?: string;
    fields?: FieldError[];
    retryable?: boolean;
    requestId?: string;
    remainingAttempts?: number;
    remainingCodeAttempts?: number;
    stepUp?: StepUpDemand;
    codeSentTo?: string;
    coolingUntil?: string;
  }) {
    super(init.message ?? errorText(init.code));
    this.name = "ApiError";
    this.code = init.code;
    this.status = init.status;
    this.fields = init.fields ?? [];
    this.retryable = init.retryable ?? defaultRetryable(init.code);
    this.requestId = init.requestId;
    this.remainingAttempts = init.remainingAttempts;
    this.remainingCodeAttempts = init.remainingCodeAttempts;
    this.stepUp = init.stepUp;
    this.codeSentTo = init.codeSentTo;
    this.coolingUntil = init.coolingUntil;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function defaultRetryable(code: ErrorCode): boolean {
  return code === "upstream_unavailable" || code === "request_timeout" || code === "internal_error";
}

/** When the body is not our error shape (e.g. a proxy's HTML page), the status still says something. */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 408) return "request_timeout";
  if (status === 413) return "payload_too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 429) return "rate_limited";
  if (status === 502 || status === 503 || status === 504) return "upstream_unavailable";
  if (status >= 400 && status < 500) return "validation_failed";
  return "internal_error";
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields, retryable, requestId, remainingAttempts, remainingCodeAttempts, stepUp } =
      parsed.data.error;
    const { codeSentTo, coolingUntil } = parsed.data.error;
    return new ApiError({
      code,
      status: response.status,
      message,
      ...(fields ? { fields } : {}),
      ...(retryable !== undefined ? { retryable } : {}),
      ...(requestId ? { requestId } : {}),
      ...(remainingAttempts !== undefined ? { remainingAttempts } : {}),
      ...(remainingCodeAttempts !== undefined ? { remainingCodeAttempts } : {}),
      ...(stepUp ? { stepUp } : {}),
      ...(codeSentTo ? { codeSentTo } : {}),
      ...(coolingUntil ? { coolingUntil } : {}),
    });
  }
  return new ApiError({ code: codeForStatus(response.status), status: response.status });
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Extra request headers, e.g. `Idempotency-Key` on a step-up-guarded change. */
  headers?: Record<string, string> | undefined;
}

/**
 * Calls the BFF. Returns the body parsed with `schema` (the shared contract), or
 * undefined when no schema is given (e.g. 204). Every failure is an ApiError.
 */
export async function apiRequest<T>(path: `/api/${string}`, schema: z.ZodType<T>, options?: RequestOptions): Promise<T>;
export async function apiRequest(path: `/api/${string}`, schema: null, options?: RequestOptions): Promise<undefined>;
export async function apiRequest<T>(
  path: `/api/${string}`,
  schema: z.ZodType<T> | null,
  { method = "GET", body, signal, headers: extraHeaders }: RequestOptions = {},
): Promise<T | undefined> {
  const headers: Record<string, string> = { ...extraHeaders, Accept: "application/json" };
  // The BFF rejects state-changing requests without this header; a cross-site form cannot set it.
  if (method !== "GET") headers["X-CSRF"] = "1";
  // A read with nobody at the page (a poll, a refetch) must not keep the session alive.
  else if (isUserIdle()) headers[BACKGROUND_REQUEST_HEADER] = "1";
  if (body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    // Cancellation (TanStack Query aborting a stale request) is not a failure to show.
    if (signal?.aborted) throw error;
    throw new ApiError({ code: "upstream_unavailable", status: 0, retryable: true });
  }

  if (!response.ok) throw await toApiError(response);
  if (schema === null) return undefined;

  const data: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(data);
  // A body that breaks the contract is a server bug; never render half-understood data.
  if (!parsed.success) throw new ApiError({ code: "internal_error", status: response.status, retryable: false });
  return parsed.data;
}

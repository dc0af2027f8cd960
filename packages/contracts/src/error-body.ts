import type { z } from "zod";
import {
  type ErrorBody,
  type ErrorCode,
  type ErrorExtras,
  errorCodes,
  type FieldError,
  pickErrorExtras,
} from "./errors.ts";
import { defaultLocale, type Locale } from "./locale.ts";
import type { MessageValues } from "./message-ref.ts";
import { contractsTranslator } from "./translator.ts";

/**
 * Error bodies as core and the BFF send them (server-only: it carries both catalogues and the
 * message compiler, which the SPA must not download). The message is `errors.<code>` in the
 * reader's language, with `values` for the codes whose message names something (the support
 * number, the end of a cooling period).
 */
export function errorBody(
  code: ErrorCode,
  extra: ErrorExtras & { requestId?: string; message?: string; locale?: Locale; values?: MessageValues } = {},
): ErrorBody {
  const retryable =
    code === "upstream_unavailable" ||
    code === "request_timeout" ||
    code === "internal_error" ||
    // Password checks refused by core's admission control (issue 12): nothing was counted.
    code === "busy" ||
    code === "attempt_in_progress";
  return {
    error: {
      code,
      message: extra.message ?? errorMessage(code, extra.locale, extra.values),
      ...(extra.fields ? { fields: extra.fields } : {}),
      ...(extra.requestId ? { requestId: extra.requestId } : {}),
      ...(retryable ? { retryable } : {}),
      ...pickErrorExtras(extra),
    },
  };
}

export function errorMessage(code: ErrorCode, locale: Locale = defaultLocale, values?: MessageValues): string {
  return contractsTranslator.t(locale, `errors.${code}`, values);
}

/** Turns zod issues into field errors, their messages (message ids) rendered in `locale`. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale = defaultLocale): FieldError[] {
  return issues.map((issue) => {
    const reason = issue.code === "custom" ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
    return {
      path: issue.path.map(String).join("."),
      message:
        issue.code === "unrecognized_keys"
          ? contractsTranslator.t(locale, "validation.unrecognizedKeys", { keys: issue.keys.join(", ") })
          : contractsTranslator.ref(locale, issue.message),
      ...(typeof reason === "string" ? { reason } : {}),
    };
  });
}

/**
 * The Japanese message of every code: what tests and stories compare with, as customers read
 * it by default.
 */
export const errorMessages = Object.fromEntries(errorCodes.map((code) => [code, errorMessage(code)])) as Record<
  ErrorCode,
  string
>;

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
import { type MessageValues, messageRef, parseMessageRef } from "./message-ref.ts";
import { contractsTranslator } from "./translator.ts";

/**
 * Error bodies as core and the BFF send them (server-only: it carries both catalogues and the
 * message compiler, which the SPA must not download). The message is `errors.<code>` in the
 * reader's language, with `values` for the codes whose message names something (the support
 * number, the end of a cooling period). A `message` that replaces it and the fields' messages
 * may be message ids too (see `renderMessage`): code that throws need not know the reader.
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
  const { fields: _rendered, ...otherExtras } = pickErrorExtras(extra);
  return {
    error: {
      code,
      message:
        extra.message === undefined
          ? errorMessage(code, extra.locale, extra.values)
          : renderMessage(extra.message, extra.locale),
      ...(extra.fields ? { fields: renderFieldErrors(extra.fields, extra.locale) } : {}),
      ...(extra.requestId ? { requestId: extra.requestId } : {}),
      ...(retryable ? { retryable } : {}),
      ...otherExtras,
    },
  };
}

export function errorMessage(code: ErrorCode, locale: Locale = defaultLocale, values?: MessageValues): string {
  return contractsTranslator.t(locale, `errors.${code}`, values);
}

/**
 * Turns zod issues into field errors whose messages are still message ids (message-ref.ts):
 * for code that does not know the reader, whose error body (`errorBody`) renders them.
 */
export function toFieldErrorRefs(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const reason = issue.code === "custom" ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
    return {
      path: issue.path.map(String).join("."),
      message:
        issue.code === "unrecognized_keys"
          ? messageRef("validation.unrecognizedKeys", { keys: issue.keys.join(", ") })
          : issue.message,
      ...(typeof reason === "string" ? { reason } : {}),
    };
  });
}

/** Turns zod issues into field errors, their messages (message ids) rendered in `locale`. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale = defaultLocale): FieldError[] {
  return renderFieldErrors(toFieldErrorRefs(issues), locale);
}

/**
 * A message that core's domain code or a BFF middleware wrote without knowing the reader: a
 * message id of the contracts' catalogues (maybe with values, see message-ref.ts) is rendered
 * in `locale`; any other text is passed on as it is.
 */
export function renderMessage(message: string, locale: Locale = defaultLocale): string {
  return contractsTranslator.has(parseMessageRef(message).id) ? contractsTranslator.ref(locale, message) : message;
}

/** Field errors whose messages may be message ids (see `renderMessage`), rendered in `locale`. */
export function renderFieldErrors(fields: readonly FieldError[], locale: Locale = defaultLocale): FieldError[] {
  return fields.map((field) => ({ ...field, message: renderMessage(field.message, locale) }));
}

/**
 * The Japanese message of every code: what tests and stories compare with, as customers read
 * it by default.
 */
export const errorMessages = Object.fromEntries(errorCodes.map((code) => [code, errorMessage(code)])) as Record<
  ErrorCode,
  string
>;

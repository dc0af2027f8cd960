import { z } from "zod";
import { messageRef } from "./message-ref.ts";

/** The field message (an id) for text no screen, mail or record can hold. */
export const UNUSABLE_CHARACTERS_MESSAGE = "validation.unusableCharacters";

/**
 * Control characters (Unicode Cc: C0, DEL, C1) and unpaired UTF-16 surrogates (Cs, which a
 * `u` regexp sees only when unpaired). PostgreSQL refuses NUL in text and lone surrogates in
 * JSON, and drivers silently turn a lone surrogate into U+FFFD, so what executes would differ
 * from what the customer confirmed. Every free-text field here is a single line, so tab and
 * line breaks are refused too. (A regexp rather than String#isWellFormed, which older
 * browsers running the SPA's forms lack.)
 */
const UNUSABLE = /[\p{Cc}\p{Cs}]/u;

/** True when `value` is well-formed Unicode without control characters. */
export function isUsableText(value: string): boolean {
  return !UNUSABLE.test(value);
}

/**
 * The check every free-text request field carries. It aborts, so a field with a NUL shows
 * this one message rather than also a format or length message caused by the same character.
 */
export const usableCharacters = () =>
  z.refine<string>(isUsableText, {
    message: UNUSABLE_CHARACTERS_MESSAGE,
    params: { reason: "unusable_characters" },
    abort: true,
  });

/**
 * A required single line of free text (names, addresses): trimmed, usable characters only,
 * at most `max` characters. Messages name the field by `field`, the message id of its name
 * (`fields.address`), as the forms label it.
 */
export function singleLineText(field: string, max: number) {
  const required = messageRef("validation.required", { field });
  return z
    .string({ error: required })
    .trim()
    .check(usableCharacters())
    .min(1, required)
    .max(max, messageRef("validation.maxLength", { field, max }));
}

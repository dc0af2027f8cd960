import { useEffect } from "react";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { isApiError } from "./api-client.ts";

/** A form's fields with the server's message for each (only those it named). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FieldErrorsOptions<F extends string> {
  /** Server paths that belong to one of the form's fields, e.g. `account` → `tradeType`. */
  aliases?: Partial<Record<string, F>>;
  /**
   * Every distinct message of a field, one a line (e.g. a password breaking two rules);
   * by default only the first, as the field shows one.
   */
  all?: boolean;
}

/**
 * The server's field errors (`error.fields`) for the form's own fields, in the order the
 * server gave them, or undefined when none of them is named (the refusal is then about
 * the request as a whole and belongs in an alert).
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  { aliases = {}, all = false }: FieldErrorsOptions<F> = {},
): FieldErrors<F> | undefined {
  if (!isApiError(error)) return undefined;
  const found = new Map<F, string[]>();
  for (const entry of error.fields) {
    const name = (fields as readonly string[]).includes(entry.path) ? (entry.path as F) : aliases[entry.path];
    if (!name) continue;
    const messages = found.get(name) ?? [];
    if (messages.length === 0 || (all && !messages.includes(entry.message))) messages.push(entry.message);
    found.set(name, messages);
  }
  if (found.size === 0) return undefined;
  return Object.fromEntries([...found].map(([name, messages]) => [name, messages.join("\n")])) as FieldErrors<F>;
}

/**
 * Shows the server's messages on a react-hook-form form. `order` is the order to set them
 * (the first one set takes focus, unless `focus` is false); by default the errors' own.
 */
export function applyFieldErrors<T extends FieldValues, F extends FieldPath<T>>(
  setError: UseFormSetError<T>,
  errors: FieldErrors<F> | undefined,
  { order, focus = true }: { order?: readonly F[]; focus?: boolean } = {},
): void {
  if (!errors) return;
  let first = focus;
  for (const name of order ?? (Object.keys(errors) as F[])) {
    const message = errors[name];
    if (!message) continue;
    setError(name, { type: "server", message }, { shouldFocus: first });
    first = false;
  }
}

/**
 * For a form the screen reopens with the server's refusal (e.g. back from the confirmation
 * after order_rejected): shows `errors` on its fields once they arrive, in the form's order.
 */
export function useServerFieldErrors<T extends FieldValues, F extends FieldPath<T>>(
  setError: UseFormSetError<T>,
  errors: FieldErrors<F> | undefined,
  order: readonly F[],
): void {
  useEffect(() => {
    applyFieldErrors(setError, errors, { order });
  }, [errors, setError, order]);
}

/**
 * handleSubmit's second argument for a form whose server failure shows as a banner: a later
 * attempt stopped by the form's own checks clears that banner (issue 17 B5), so the page
 * never shows the throttle or 「入力内容に誤りがあります」 of an attempt that is over beside
 * the new field errors.
 */
export function clearStaleFailure(...failures: readonly { reset: () => void }[]): () => void {
  return () => {
    for (const failure of failures) failure.reset();
  };
}

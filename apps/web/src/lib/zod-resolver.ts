import { zodResolver as resolveWithZod } from "@hookform/resolvers/zod";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { translateRef } from "./i18n/use-t.ts";

/**
 * react-hook-form's zod resolver, with each message rendered in the current language: the
 * shared schemas name their messages by id (message-ref.ts), and a field shows words. Messages
 * the server sent (applyFieldErrors) are already worded and do not come through here.
 */
export const zodResolver: typeof resolveWithZod = ((...args: Parameters<typeof resolveWithZod>) => {
  const resolve = (resolveWithZod as (...a: unknown[]) => Resolver<FieldValues>)(...args);
  return async (values: FieldValues, context: unknown, options: Parameters<Resolver<FieldValues>>[2]) => {
    const result = await resolve(values, context, options);
    return { ...result, errors: worded(result.errors) };
  };
}) as typeof resolveWithZod;

function worded(errors: FieldErrors): FieldErrors {
  const out: Record<string, unknown> = {};
  for (const [name, error] of Object.entries(errors)) {
    if (!error || typeof error !== "object") continue;
    const entry = error as { message?: unknown; type?: unknown; ref?: unknown };
    out[name] =
      typeof entry.message === "string" && typeof entry.type === "string"
        ? { ...entry, message: translateRef(entry.message) }
        : worded(error as FieldErrors);
  }
  return out as FieldErrors;
}

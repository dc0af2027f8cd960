import type { ErrorCode } from "@kakunin/contracts/errors";
import { translate } from "./use-t.ts";

/** The message of an error code in the current language, for errors the SPA itself raises. */
export function errorText(code: ErrorCode): string {
  return translate(`errors.${code}`);
}

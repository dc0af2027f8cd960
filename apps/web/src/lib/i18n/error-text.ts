import type { ErrorCode } from "@kakunin/contracts/errors";
import { translate } from "./use-t.ts";

/**
 * The message of an error code in the current language, for errors the SPA raises itself. The
 * SPA holds only those codes' messages (the contracts' browser catalogue); any other code
 * reaches it worded by the BFF, so one without a message here gets the general one rather
 * than its id.
 */
export function errorText(code: ErrorCode): string {
  const id = `errors.${code}`;
  const text = translate(id);
  return text === id ? translate("errors.internal_error") : text;
}

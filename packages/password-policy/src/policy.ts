/**
 * The full password check run by core when a customer sets a login or execution password:
 * `./rules` plus the common-password list. Past passwords and "same as the other kind's
 * password" need the stored hashes and are checked by core itself.
 */
import { isCommonPassword } from "./common-passwords.ts";
import type { PasswordKind, PolicyContext, Violation } from "./rules.ts";
import { checkRules, violationMessages } from "./rules.ts";

export type { PasswordKind, PolicyContext, Violation, ViolationCode } from "./rules.ts";

/** All violations in canonical order; an empty array means the password may be registered. */
export function checkPassword(kind: PasswordKind, candidate: string, ctx: PolicyContext): Violation[] {
  const violations = checkRules(kind, candidate, ctx);
  // common_password is last in the canonical order, so appending keeps the order.
  if (isCommonPassword(candidate)) {
    violations.push({ code: "common_password", message: violationMessages[kind].common_password });
  }
  return violations;
}

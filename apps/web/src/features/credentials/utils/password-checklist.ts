import { renderMessageRef } from "@kakunin/contracts/message-ref";
import {
  checkComposition,
  checklistRules,
  type PasswordKind,
  type ViolationCode,
} from "@kakunin/password-policy/rules";
import type { ChecklistItem } from "@kakunin/ui/checklist";
import { type Translate, translate } from "../../../lib/i18n/use-t.ts";

/**
 * The rules a customer can check while typing (length, character kinds), from the same
 * rules module the schemas use. The rules that need customer data are core's; the form
 * lists them in a note instead.
 */
export function passwordChecklist(kind: PasswordKind, candidate: string, t: Translate = translate): ChecklistItem[] {
  const violated = new Set(checkComposition(kind, candidate).map((violation) => violation.code));
  // Nothing typed yet: nothing is met, not even "英数字のみ".
  const typed = candidate.length > 0;
  const met = (codes: readonly ViolationCode[]) => typed && codes.every((code) => !violated.has(code));
  // The labels are the policy's own message ids (contracts' catalogue), as core words the same rules.
  return checklistRules(kind).map((rule) => ({
    id: rule.id,
    label: renderMessageRef(rule.label, t),
    met: met(rule.codes),
  }));
}

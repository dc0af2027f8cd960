import {
  checkComposition,
  type PasswordKind,
  passwordLimits,
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
  const met = (...codes: ViolationCode[]) => typed && codes.every((code) => !violated.has(code));
  const { min, max } = passwordLimits[kind];
  const length = {
    id: "length",
    label: t("credentials.checklist.length", { min, max }),
    met: met("too_short", "too_long"),
  };
  if (kind === "execution") {
    return [
      length,
      { id: "composition", label: t("credentials.checklist.executionComposition"), met: met("composition") },
    ];
  }
  return [
    length,
    { id: "composition", label: t("credentials.checklist.loginComposition"), met: met("composition") },
    { id: "characters", label: t("credentials.checklist.alphanumeric"), met: met("invalid_characters") },
  ];
}

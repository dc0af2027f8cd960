import { classNames } from "./class-names.ts";
import { useUiText } from "./i18n.ts";

export interface ChecklistItem {
  /** Stable key, e.g. a rule code. */
  id: string;
  label: string;
  met: boolean;
}

export interface ChecklistProps {
  items: readonly ChecklistItem[];
  /**
   * Read after each label so the state is not told by colour and icon alone (WCAG 1.4.1);
   * default 条件を満たしています (requirement met).
   */
  metText?: string;
  unmetText?: string;
  className?: string;
  id?: string;
}

/**
 * Live list of conditions, e.g. password rules while the customer types. Guidance, not an
 * error: unmet items are neutral, and changes are announced politely, one item at a time.
 */
export function Checklist({ items, metText, unmetText, className, id }: ChecklistProps) {
  const t = useUiText();
  const met = metText ?? t("ui.checklist.met");
  const unmet = unmetText ?? t("ui.checklist.unmet");
  return (
    <ul id={id} className={classNames("kk-checklist", className)} aria-live="polite">
      {items.map((item) => (
        // aria-atomic: when an item's state flips, its label is read together with the new state.
        <li
          key={item.id}
          className={classNames(
            "kk-checklist__item",
            item.met ? "kk-checklist__item--met" : "kk-checklist__item--unmet",
          )}
          aria-atomic="true"
        >
          {item.label}
          <span className="kk-visually-hidden">
            {t("ui.checklist.separator")}
            {item.met ? met : unmet}
          </span>
        </li>
      ))}
    </ul>
  );
}

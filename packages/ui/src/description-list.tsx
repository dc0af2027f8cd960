import type { ReactNode } from "react";
import { classNames } from "./class-names.ts";
import { useUiText } from "./i18n.ts";

export interface DescriptionItem {
  /** Stable key; defaults to the term when it is a string. */
  id?: string;
  term: ReactNode;
  detail: ReactNode;
}

export interface DescriptionListProps {
  items: readonly DescriptionItem[];
  className?: string;
  id?: string;
}

/**
 * Label–value pairs (registered information, what a confirmation will execute). A <dl>, so
 * a screen reader announces each value with its label; two columns on wide screens.
 */
export function DescriptionList({ items, className, id }: DescriptionListProps) {
  return (
    <dl id={id} className={classNames("kk-dl", className)}>
      {items.map((item, index) => (
        // A <div> may group a <dt> with its <dd>s (HTML living standard), which the grid needs.
        <div key={item.id ?? (typeof item.term === "string" ? item.term : index)} className="kk-dl__row">
          <dt className="kk-dl__term">{item.term}</dt>
          <dd className="kk-dl__detail">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface ChangeValueProps {
  before: ReactNode;
  after: ReactNode;
  /** Shown instead when the value does not change. */
  unchanged?: boolean;
}

/** 変更前 → 変更後 for one item of a change's confirmation; the words are read, not only the arrow. */
export function ChangeValue({ before, after, unchanged = false }: ChangeValueProps) {
  const t = useUiText();
  if (unchanged) {
    return (
      <span className="kk-change">
        <span className="kk-change__value">{after}</span>
        <span className="kk-change__same">{t("ui.change.unchanged")}</span>
      </span>
    );
  }
  return (
    <span className="kk-change">
      <span className="kk-change__part">
        <span className="kk-change__label">{t("ui.change.before")}</span>
        <span className="kk-change__value">{before}</span>
      </span>
      <span className="kk-change__arrow" aria-hidden="true">
        →
      </span>
      <span className="kk-change__part kk-change__part--after">
        <span className="kk-change__label">{t("ui.change.after")}</span>
        <span className="kk-change__value">{after}</span>
      </span>
    </span>
  );
}

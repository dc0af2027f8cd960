import { classNames } from "./class-names.ts";
import { useUiText } from "./i18n.ts";

/** The usual flow, 入力 → 確認 → 完了, as message ids: StepIndicator words them when given no `steps`. */
export const defaultSteps = ["ui.steps.input", "ui.steps.confirm", "ui.steps.complete"] as const;

export interface StepIndicatorProps {
  /** Zero-based index of the current step. */
  current: number;
  /** The steps' labels, in the page's language; 入力 → 確認 → 完了 when not given. */
  steps?: readonly string[];
  /** Defaults to 手続きの流れ (Steps). */
  label?: string;
  className?: string;
}

export function StepIndicator({ current, steps, label, className }: StepIndicatorProps) {
  const t = useUiText();
  const labels = steps ?? defaultSteps.map((id) => t(id));
  return (
    <ol className={classNames("kk-steps", className)} aria-label={label ?? t("ui.steps.label")}>
      {labels.map((step, index) => {
        const state = index < current ? "done" : index === current ? "current" : "todo";
        return (
          <li
            key={step}
            className={`kk-steps__item kk-steps__item--${state}`}
            aria-current={state === "current" ? "step" : undefined}
          >
            <span className="kk-steps__number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="kk-steps__label">{step}</span>
            {/* Colour alone must not tell which steps are finished (WCAG 1.4.1). */}
            {state === "done" && <span className="kk-visually-hidden">{t("ui.steps.done")}</span>}
          </li>
        );
      })}
    </ol>
  );
}

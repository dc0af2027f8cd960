import { classNames } from "./class-names.ts";

export const defaultSteps = ["入力", "確認", "完了"] as const;

export interface StepIndicatorProps {
  /** Zero-based index of the current step. */
  current: number;
  steps?: readonly string[];
  label?: string;
  className?: string;
}

export function StepIndicator({
  current,
  steps = defaultSteps,
  label = "手続きの流れ",
  className,
}: StepIndicatorProps) {
  return (
    <ol className={classNames("kk-steps", className)} aria-label={label}>
      {steps.map((step, index) => {
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
            {state === "done" && <span className="kk-visually-hidden">（済）</span>}
          </li>
        );
      })}
    </ol>
  );
}

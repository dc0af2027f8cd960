import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from "react";
import { classNames } from "./class-names.ts";

export interface RadioOption {
  value: string;
  /** The option's accessible name: keep it the word the customer looks for (配信中, an address). */
  label: ReactNode;
  /** Extra words under the label, read as the option's description (not part of its name). */
  description?: ReactNode;
  /** Shown but not choosable (e.g. 信用 choices without a 信用取引口座); say why in the group's hint. */
  disabled?: boolean;
}

export interface RadioGroupProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "value" | "children" | "className"> {
  /** The group's name (a <legend>): what is being chosen, e.g. 配信設定. */
  legend: ReactNode;
  options: readonly RadioOption[];
  /** Guidance under the legend. */
  hint?: ReactNode;
  /** Error message; marks every option invalid and describes the group. */
  error?: string | undefined;
  /** Short options (配信中 / 配信不要, 普通 / 当座) side by side. */
  inline?: boolean;
  className?: string;
  /** Spread onto every option: react-hook-form's `register` tracks radios by name. */
  ref?: Ref<HTMLInputElement>;
}

/**
 * One choice among a few, as a <fieldset> whose <legend> names the group (WCAG 1.3.1): a
 * screen reader announces "配信設定, group" before the options. Arrow keys move between
 * the options natively because they share a name.
 */
export function RadioGroup({
  legend,
  options,
  hint,
  error,
  inline = false,
  className,
  ref,
  ...inputProps
}: RadioGroupProps) {
  const base = useId();
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  // Error first so it is announced before the hint.
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={classNames(
        "kk-field",
        "kk-radio-group",
        inline && "kk-radio-group--inline",
        error && "kk-field--invalid",
        className,
      )}
      aria-describedby={describedBy}
    >
      <legend className="kk-field__label kk-radio-group__legend">{legend}</legend>
      {hint && (
        <p className="kk-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="kk-radio-group__options">
        {options.map((option, index) => {
          const inputId = `${base}-${index}`;
          const descriptionId = `${inputId}-description`;
          return (
            <div key={option.value} className="kk-radio">
              <input
                {...inputProps}
                ref={ref}
                id={inputId}
                type="radio"
                value={option.value}
                className="kk-radio__input"
                aria-invalid={error ? true : undefined}
                aria-describedby={option.description ? descriptionId : undefined}
                disabled={option.disabled || inputProps.disabled}
              />
              {/* The description sits outside the <label> so it does not become part of the name. */}
              <span className="kk-radio__text">
                <label className="kk-radio__label" htmlFor={inputId}>
                  {option.label}
                </label>
                {option.description && (
                  <span className="kk-radio__description" id={descriptionId}>
                    {option.description}
                  </span>
                )}
              </span>
            </div>
          );
        })}
      </div>
      {error && (
        <p className="kk-field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

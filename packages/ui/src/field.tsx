import { type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, useId, useState } from "react";
import { classNames } from "./class-names.ts";
import { useUiText } from "./i18n.ts";

interface FieldBaseProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "children"> {
  label: ReactNode;
  /** Guidance shown under the label, e.g. the expected format. */
  hint?: ReactNode;
  /** Error message; marks the input invalid and is read out with it. Lines break at "\n". */
  error?: string | undefined;
  /**
   * Content under the input (and its error), e.g. a live checklist of password rules.
   * It is part of the input's description, so a screen reader reads it with the field.
   */
  details?: ReactNode;
  /** React 19 passes refs as props, which is what react-hook-form's `register` needs. */
  ref?: Ref<HTMLInputElement>;
}

export interface TextFieldProps extends FieldBaseProps {
  type?: "text" | "email" | "tel" | "url" | "search";
  /** A unit after the input, e.g. 円; read with the field as part of its description. */
  suffix?: ReactNode;
}

export type PasswordFieldProps = FieldBaseProps & {
  /** Offers a show/hide toggle so customers can check what they typed (paste stays allowed). */
  revealable?: boolean;
};

interface FieldIds {
  inputId: string;
  hintId: string;
  errorId: string;
  detailsId: string;
  suffixId: string;
}

interface DescribedParts {
  hint: ReactNode;
  error: string | undefined;
  details: ReactNode;
  extra: string | undefined;
  suffix?: ReactNode;
}

function describedBy(ids: FieldIds, { hint, error, details, extra, suffix }: DescribedParts) {
  // Error first so it is announced before the hint.
  const list = [
    error ? ids.errorId : null,
    suffix ? ids.suffixId : null,
    hint ? ids.hintId : null,
    details ? ids.detailsId : null,
    extra ?? null,
  ];
  const present = list.filter(Boolean);
  return present.length > 0 ? present.join(" ") : undefined;
}

function useFieldIds(): FieldIds {
  const base = useId();
  return {
    inputId: `${base}-input`,
    hintId: `${base}-hint`,
    errorId: `${base}-error`,
    detailsId: `${base}-details`,
    suffixId: `${base}-suffix`,
  };
}

function FieldShell({
  ids,
  label,
  hint,
  error,
  details,
  className,
  children,
}: {
  ids: FieldIds;
  label: ReactNode;
  hint: ReactNode;
  error: string | undefined;
  details: ReactNode;
  className: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={classNames("kk-field", error && "kk-field--invalid", className)}>
      <label className="kk-field__label" htmlFor={ids.inputId}>
        {label}
      </label>
      {hint && (
        <p className="kk-field__hint" id={ids.hintId}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="kk-field__error" id={ids.errorId}>
          {error}
        </p>
      )}
      {details && (
        <div className="kk-field__details" id={ids.detailsId}>
          {details}
        </div>
      )}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  details,
  className,
  type = "text",
  suffix,
  ref,
  ...inputProps
}: TextFieldProps) {
  const ids = useFieldIds();
  const input = (
    <input
      {...inputProps}
      ref={ref}
      id={ids.inputId}
      type={type}
      className="kk-field__input"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(ids, { hint, error, details, suffix, extra: inputProps["aria-describedby"] })}
    />
  );
  return (
    <FieldShell ids={ids} label={label} hint={hint} error={error} details={details} className={className}>
      {suffix ? (
        <div className="kk-field__affix">
          {input}
          <span className="kk-field__suffix" id={ids.suffixId}>
            {suffix}
          </span>
        </div>
      ) : (
        input
      )}
    </FieldShell>
  );
}

export function PasswordField({
  label,
  hint,
  error,
  details,
  className,
  revealable = true,
  ref,
  ...inputProps
}: PasswordFieldProps) {
  const t = useUiText();
  const ids = useFieldIds();
  const [revealed, setRevealed] = useState(false);
  return (
    <FieldShell ids={ids} label={label} hint={hint} error={error} details={details} className={className}>
      <div className="kk-password">
        <input
          // Defaults that suit every password: no autocorrect or capitalisation; callers set autoComplete.
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          {...inputProps}
          ref={ref}
          id={ids.inputId}
          type={revealed ? "text" : "password"}
          className="kk-field__input kk-password__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(ids, { hint, error, details, extra: inputProps["aria-describedby"] })}
        />
        {revealable && (
          <button
            type="button"
            className="kk-password__toggle"
            aria-controls={ids.inputId}
            aria-pressed={revealed}
            // A stable name with aria-pressed is clearer than a changing label; the visible
            // word is part of the name (WCAG 2.5.3) and short enough to leave the input room.
            aria-label={t("ui.password.reveal")}
            onClick={() => setRevealed((value) => !value)}
          >
            {t("ui.password.revealShort")}
          </button>
        )}
      </div>
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "children" | "className"> {
  label: ReactNode;
  options: readonly SelectOption[];
  /** A first, empty option such as 選択してください (its value is ""). */
  placeholder?: string;
  hint?: ReactNode;
  error?: string | undefined;
  details?: ReactNode;
  className?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** One choice among many (e.g. ファンド), as a labelled native <select>. */
export function SelectField({
  label,
  options,
  placeholder,
  hint,
  error,
  details,
  className,
  ref,
  ...selectProps
}: SelectFieldProps) {
  const ids = useFieldIds();
  return (
    <FieldShell ids={ids} label={label} hint={hint} error={error} details={details} className={className}>
      <select
        {...selectProps}
        ref={ref}
        id={ids.inputId}
        className="kk-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, { hint, error, details, extra: selectProps["aria-describedby"] })}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

import { type InputHTMLAttributes, type ReactNode, type Ref, useId, useState } from "react";
import { classNames } from "./class-names.ts";

interface FieldBaseProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "children"> {
  label: ReactNode;
  /** Guidance shown under the label, e.g. the expected format. */
  hint?: ReactNode;
  /** Error message; marks the input invalid and is read out with it. */
  error?: string | undefined;
  /** React 19 passes refs as props, which is what react-hook-form's `register` needs. */
  ref?: Ref<HTMLInputElement>;
}

export interface TextFieldProps extends FieldBaseProps {
  type?: "text" | "email" | "tel" | "url" | "search";
}

export type PasswordFieldProps = FieldBaseProps & {
  /** Offers a show/hide toggle so customers can check what they typed (paste stays allowed). */
  revealable?: boolean;
};

interface FieldIds {
  inputId: string;
  hintId: string;
  errorId: string;
}

function describedBy(ids: FieldIds, hint: ReactNode, error: string | undefined, extra: string | undefined) {
  // Error first so it is announced before the hint.
  const list = [error ? ids.errorId : null, hint ? ids.hintId : null, extra ?? null].filter(Boolean);
  return list.length > 0 ? list.join(" ") : undefined;
}

function useFieldIds(): FieldIds {
  const base = useId();
  return { inputId: `${base}-input`, hintId: `${base}-hint`, errorId: `${base}-error` };
}

function FieldShell({
  ids,
  label,
  hint,
  error,
  className,
  children,
}: {
  ids: FieldIds;
  label: ReactNode;
  hint: ReactNode;
  error: string | undefined;
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
    </div>
  );
}

export function TextField({ label, hint, error, className, type = "text", ref, ...inputProps }: TextFieldProps) {
  const ids = useFieldIds();
  return (
    <FieldShell ids={ids} label={label} hint={hint} error={error} className={className}>
      <input
        {...inputProps}
        ref={ref}
        id={ids.inputId}
        type={type}
        className="kk-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, hint, error, inputProps["aria-describedby"])}
      />
    </FieldShell>
  );
}

export function PasswordField({
  label,
  hint,
  error,
  className,
  revealable = true,
  ref,
  ...inputProps
}: PasswordFieldProps) {
  const ids = useFieldIds();
  const [revealed, setRevealed] = useState(false);
  return (
    <FieldShell ids={ids} label={label} hint={hint} error={error} className={className}>
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
          aria-describedby={describedBy(ids, hint, error, inputProps["aria-describedby"])}
        />
        {revealable && (
          <button
            type="button"
            className="kk-password__toggle"
            aria-controls={ids.inputId}
            aria-pressed={revealed}
            // A stable name with aria-pressed is clearer than a changing label; the visible
            // word is part of the name (WCAG 2.5.3) and short enough to leave the input room.
            aria-label="パスワードを表示"
            onClick={() => setRevealed((value) => !value)}
          >
            表示
          </button>
        )}
      </div>
    </FieldShell>
  );
}

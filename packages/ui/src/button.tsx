import type { ButtonHTMLAttributes, MouseEvent, Ref } from "react";
import { classNames } from "./class-names.ts";

export type ButtonVariant = "primary" | "secondary";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Shows a spinner and ignores clicks without disabling, so keyboard focus stays on the button. */
  loading?: boolean;
  /** Full width (phone-friendly primary actions). */
  block?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

function ignoreWhileLoading(event: MouseEvent<HTMLButtonElement>) {
  // preventDefault also stops a submit button from submitting its form a second time.
  event.preventDefault();
}

export function Button({
  variant = "primary",
  loading = false,
  block = false,
  type = "button",
  className,
  onClick,
  children,
  ref,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      ref={ref}
      // Default "button" so a button inside a form never submits it by accident.
      type={type}
      className={classNames("kk-button", `kk-button--${variant}`, block && "kk-button--block", className)}
      aria-busy={loading || undefined}
      aria-disabled={loading || rest["aria-disabled"] || undefined}
      onClick={loading ? ignoreWhileLoading : onClick}
    >
      {loading && <span className="kk-button__spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

import { type ReactNode, useEffect, useId, useRef } from "react";
import { classNames } from "./class-names.ts";

export interface StepSectionProps {
  /** The step's h2, e.g. 変更内容の確認. */
  title: string;
  /**
   * Move focus to the heading when the section appears (default). The previous step (and the
   * button that had focus) is gone; the heading tells a screen-reader user where they are.
   */
  autoFocus?: boolean;
  className?: string;
  children?: ReactNode;
}

/** One step of a flow (入力 → 確認 → 完了) on a card, titled by an h2. */
export function StepSection({ title, autoFocus = true, className, children }: StepSectionProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [autoFocus]);
  return (
    <section className={classNames("kk-card kk-stack", className)} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export interface ChangeCompleteProps {
  /** e.g. 執行パスワードの変更が完了しました */
  title: string;
  children?: ReactNode;
}

/** The completion step; focus moves to its heading. */
export function ChangeComplete({ title, children }: ChangeCompleteProps) {
  return <StepSection title={title}>{children}</StepSection>;
}

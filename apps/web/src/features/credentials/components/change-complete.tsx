import { type ReactNode, useEffect, useId, useRef } from "react";

export interface ChangeCompleteProps {
  /** e.g. 執行パスワードの変更が完了しました */
  title: string;
  children?: ReactNode;
}

/**
 * The completion step. Focus moves to its heading: the form (and the button that had focus)
 * is gone, and the heading tells a screen-reader user what happened.
 */
export function ChangeComplete({ title, children }: ChangeCompleteProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="kk-card kk-stack" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

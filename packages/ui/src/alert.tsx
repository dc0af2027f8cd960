import type { ReactNode } from "react";
import { classNames } from "./class-names.ts";

export type AlertVariant = "info" | "success" | "warning" | "error";

export interface AlertProps {
  variant?: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons such as 再試行, shown under the message. */
  actions?: ReactNode;
  className?: string;
  id?: string;
}

export function Alert({ variant = "info", title, children, actions, className, id }: AlertProps) {
  return (
    <div
      id={id}
      // Only errors interrupt the screen reader; other messages wait politely.
      role={variant === "error" ? "alert" : "status"}
      className={classNames("kk-alert", `kk-alert--${variant}`, className)}
    >
      <div className="kk-alert__content">
        {title && <p className="kk-alert__title">{title}</p>}
        {children && <div className="kk-alert__body">{children}</div>}
        {actions && <div className="kk-alert__actions">{actions}</div>}
      </div>
    </div>
  );
}

import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { useEffect, useId, useRef } from "react";
import { translate, useT } from "../../../lib/i18n/use-t.ts";
import { authCatalog } from "../i18n.ts";

export interface SessionExpiryDialogProps {
  remainingMs: number;
  extending: boolean;
  /** Shown when 延長 failed for a reason other than the session having ended. */
  error?: string | undefined;
  onExtend: () => void;
  onLogout: () => void;
}

/**
 * 「1分59秒」 ("1 min 59 s"): the time left, rounded up so it never reads 0秒 while the session
 * still lives. Called while rendering the dialog, which has the auth catalogue.
 */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0
    ? translate("auth.sessionExpiry.minutesSeconds", { minutes, seconds: seconds % 60 })
    : translate("auth.sessionExpiry.seconds", { seconds });
}

/**
 * The 自動ログアウト warning (issue 15). A native modal <dialog> with role="alertdialog": the
 * screen reader announces it at once, focus moves to 延長する and stays inside, and the page
 * behind is inert. Mounted only while the warning is due; focus goes back where it was.
 * Esc counts as 延長: a key press shows the customer is there, and closing the dialog
 * without either choice would leave the countdown running unseen.
 */
export function SessionExpiryDialog({ remainingMs, extending, error, onExtend, onLogout }: SessionExpiryDialogProps) {
  const { t } = useT(authCatalog);
  const ref = useRef<HTMLDialogElement>(null);
  const extendRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    extendRef.current?.focus();
    return () => {
      dialog?.close();
      previous?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      className="kk-dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!extending) onExtend();
      }}
    >
      <h2 id={titleId} className="kk-dialog__title">
        {t("auth.sessionExpiry.title")}
      </h2>
      <div className="kk-stack">
        <p id={bodyId}>{t("auth.sessionExpiry.body")}</p>
        {/* role="timer": read on request, not announced every second. */}
        <p role="timer" aria-label={t("auth.sessionExpiry.timerLabel")}>
          {t("auth.sessionExpiry.remaining")} <strong>{formatRemaining(remainingMs)}</strong>
        </p>
        {error && (
          <Alert variant="error">
            <p>{error}</p>
          </Alert>
        )}
      </div>
      <div className="kk-actions kk-dialog__actions">
        <Button ref={extendRef} loading={extending} onClick={onExtend}>
          {t("auth.sessionExpiry.extend")}
        </Button>
        <Button variant="secondary" onClick={onLogout} disabled={extending}>
          {t("auth.sessionExpiry.logout")}
        </Button>
      </div>
    </dialog>
  );
}

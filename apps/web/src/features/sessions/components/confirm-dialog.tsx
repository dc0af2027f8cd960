import { Button } from "@kakunin/ui/button";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { useT } from "../../../lib/i18n/use-t.ts";
import { sessionsCatalog } from "../i18n.ts";

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * One modal question before an action (ログアウト). The native <dialog> opened with
 * showModal() keeps focus inside, makes the page behind it inert and closes on Esc, which
 * a hand-made overlay would have to re-implement. Mounted only while asked, so a closed
 * question leaves nothing in the page.
 */
export function ConfirmDialog({ title, children, confirmLabel, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useT(sessionsCatalog);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="kk-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Esc: React decides when the dialog goes, so it unmounts rather than closing under it.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="kk-dialog__title">
        {title}
      </h2>
      <div id={bodyId} className="kk-stack">
        {children}
      </div>
      <div className="kk-actions kk-dialog__actions">
        <Button loading={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t("sessions.dialog.cancel")}
        </Button>
      </div>
    </dialog>
  );
}

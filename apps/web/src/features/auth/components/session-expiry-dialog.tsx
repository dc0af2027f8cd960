import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { useEffect, useId, useRef } from "react";

export interface SessionExpiryDialogProps {
  remainingMs: number;
  extending: boolean;
  /** Shown when 延長 failed for a reason other than the session having ended. */
  error?: string | undefined;
  onExtend: () => void;
  onLogout: () => void;
}

/** 「1分59秒」: the time left, rounded up so it never reads 0秒 while the session still lives. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}分${seconds % 60}秒` : `${seconds}秒`;
}

/**
 * The 自動ログアウト warning (issue 15). A native modal <dialog> with role="alertdialog": the
 * screen reader announces it at once, focus moves to 延長する and stays inside, and the page
 * behind is inert. Mounted only while the warning is due; focus goes back where it was.
 * Esc counts as 延長: a key press shows the customer is there, and closing the dialog
 * without either choice would leave the countdown running unseen.
 */
export function SessionExpiryDialog({ remainingMs, extending, error, onExtend, onLogout }: SessionExpiryDialogProps) {
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
        まもなく自動ログアウトします
      </h2>
      <div className="kk-stack">
        <p id={bodyId}>
          一定時間操作がないため、まもなく自動的にログアウトします。続けてご利用になる場合は「延長する」を押してください。
        </p>
        {/* role="timer": read on request, not announced every second. */}
        <p role="timer" aria-label="自動ログアウトまでの残り時間">
          残り <strong>{formatRemaining(remainingMs)}</strong>
        </p>
        {error && (
          <Alert variant="error">
            <p>{error}</p>
          </Alert>
        )}
      </div>
      <div className="kk-actions kk-dialog__actions">
        <Button ref={extendRef} loading={extending} onClick={onExtend}>
          延長する
        </Button>
        <Button variant="secondary" onClick={onLogout} disabled={extending}>
          ログアウト
        </Button>
      </div>
    </dialog>
  );
}

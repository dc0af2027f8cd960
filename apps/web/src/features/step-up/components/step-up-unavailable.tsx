import { Alert } from "@kakunin/ui/alert";
import type { ReactNode } from "react";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";

/** The account is locked: nothing to confirm, only the way back. */
export function StepUpLocked({ message, cancelButton }: { message: string; cancelButton: ReactNode }) {
  return (
    <div className="kk-stack">
      <Alert variant="error" title="アカウントロック中">
        <p>{message}</p>
      </Alert>
      {cancelButton && <div className="kk-actions">{cancelButton}</div>}
    </div>
  );
}

export interface StepUpFailedProps {
  /** Why the challenge did not start; null when there is nothing more to say. */
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
  cancelButton: ReactNode;
}

/** The challenge could not start (or asks for a method this screen cannot show): 再試行. */
export function StepUpFailed({ error, retrying, onRetry, cancelButton }: StepUpFailedProps) {
  return (
    <div className="kk-stack">
      <ApiErrorAlert error={error} lead="確認画面を表示できませんでした。" retrying={retrying} onRetry={onRetry} />
      {cancelButton && <div className="kk-actions">{cancelButton}</div>}
    </div>
  );
}

import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import type { ReactNode } from "react";
import { isApiError } from "../../../lib/api-client.ts";

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
      <Alert
        variant="error"
        actions={
          <Button variant="secondary" loading={retrying} onClick={onRetry}>
            再試行
          </Button>
        }
      >
        <p>確認画面を表示できませんでした。</p>
        {isApiError(error) && <p>{error.message}</p>}
        {isApiError(error) && error.requestId && <p className="kk-text-sm">お問い合わせ番号: {error.requestId}</p>}
      </Alert>
      {cancelButton && <div className="kk-actions">{cancelButton}</div>}
    </div>
  );
}

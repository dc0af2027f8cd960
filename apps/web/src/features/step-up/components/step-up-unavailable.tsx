import { Alert } from "@kakunin/ui/alert";
import type { ReactNode } from "react";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { stepUpCatalog } from "../i18n.ts";

/** The account is locked: nothing to confirm, only the way back. */
export function StepUpLocked({ message, cancelButton }: { message: string; cancelButton: ReactNode }) {
  const { t } = useT(stepUpCatalog);
  return (
    <div className="kk-stack">
      <Alert variant="error" title={t("stepUp.lockedTitle")}>
        <p>{message}</p>
      </Alert>
      {cancelButton && <div className="kk-actions">{cancelButton}</div>}
    </div>
  );
}

export interface StepUpFailedProps {
  /** Why the challenge did not start; null when there is nothing more to say. */
  error: unknown;
  /** What was to be confirmed (amount, destination…): still shown, so the customer knows what failed. */
  summary?: ReactNode;
  retrying: boolean;
  onRetry: () => void;
  cancelButton: ReactNode;
}

/** A refusal to mail a new 認証コード yet: its message says when one can be sent. */
const codeThrottles = new Set(["auth_code_resend_too_soon", "auth_code_resend_limit"]);

/** The challenge could not start (or asks for a method this screen cannot show): 再試行. */
export function StepUpFailed({ error, summary, retrying, onRetry, cancelButton }: StepUpFailedProps) {
  const { t } = useT(stepUpCatalog);
  const throttled = isApiError(error) && codeThrottles.has(error.code);
  return (
    <div className="kk-stack">
      {summary}
      <ApiErrorAlert
        error={error}
        lead={throttled ? t("stepUp.codeNotSent") : t("stepUp.startFailed")}
        retrying={retrying}
        onRetry={onRetry}
      />
      {cancelButton && <div className="kk-actions">{cancelButton}</div>}
    </div>
  );
}

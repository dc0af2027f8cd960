import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { useT } from "../../../lib/i18n/use-t.ts";
import { stepUpCatalog } from "../i18n.ts";
import type { Notice } from "../model/step-up-machine.ts";

export interface StepUpNoticeProps {
  notice: Notice | null;
  /** 確認をやり直す, offered when the challenge was lost a second time. */
  onRestart: () => void;
}

/** The confirmation's one alert: the latest outcome replaces the previous one. */
export function StepUpNotice({ notice, onRestart }: StepUpNoticeProps) {
  const { t } = useT(stepUpCatalog);
  if (notice?.kind === "status") {
    return (
      <Alert variant="info">
        <p>{notice.message}</p>
      </Alert>
    );
  }
  if (notice?.kind !== "error") return null;
  return (
    <ApiErrorAlert
      message={notice.message}
      requestId={notice.requestId}
      actions={
        notice.action === "restart" && (
          <Button variant="secondary" onClick={onRestart}>
            {t("stepUp.restart")}
          </Button>
        )
      }
    />
  );
}

import type { ErrorCode } from "@kakunin/contracts/errors";
import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { appCatalog } from "../app/i18n.ts";
import { isApiError } from "../lib/api-client.ts";
import { useT } from "../lib/i18n/use-t.ts";

/**
 * Refusals that another screen resolves: the link there, under the message, wherever the
 * refusal shows (e.g. a confirmation that needs a passkey the customer has not registered).
 */
export const errorNextSteps: Partial<Record<ErrorCode, { to: string; label: string }>> = {
  // `label` is a message id of the app catalogue.
  passkey_registration_required: { to: "/account/passkeys", label: "app.apiError.toPasskeys" },
};

export interface ApiErrorAlertProps {
  /** The failure: an ApiError gives the message and the お問い合わせ番号; anything else neither. */
  error?: unknown;
  /** What could not be done, above the message, e.g. 出金可能額を表示できませんでした。 (in the page's language) */
  lead?: ReactNode;
  /** Instead of the error's own message (e.g. a screen's wording, or for a non-API failure). */
  message?: string | undefined;
  /** Instead of the error's own request id. */
  requestId?: string | undefined;
  /** Shows 再試行, which runs this. */
  onRetry?: (() => void) | undefined;
  /** 再試行 is busy meanwhile (e.g. a query refetching). */
  retrying?: boolean;
  /** Other buttons instead of 再試行 (e.g. the confirmation's 確認をやり直す). */
  actions?: ReactNode;
}

/**
 * A failure as every screen shows it (R27): the message the BFF chose (in the customer's language), the
 * お問い合わせ番号 the call centre needs to find the request, the way on when another
 * screen resolves it (`errorNextSteps`), and optionally 再試行.
 * Never the raw error: internals stay out of the page.
 */
export function ApiErrorAlert({
  error,
  lead,
  message,
  requestId,
  onRetry,
  retrying = false,
  actions,
}: ApiErrorAlertProps) {
  const { t } = useT(appCatalog);
  const apiError = isApiError(error) ? error : undefined;
  const text = message ?? apiError?.message;
  const id = requestId ?? apiError?.requestId;
  const next = apiError && errorNextSteps[apiError.code];
  return (
    <Alert
      variant="error"
      actions={
        actions ??
        (onRetry && (
          <Button variant="secondary" loading={retrying} onClick={onRetry}>
            {t("app.apiError.retry")}
          </Button>
        ))
      }
    >
      {lead && <p>{lead}</p>}
      {text && <p>{text}</p>}
      {next && (
        <p>
          <Link to={next.to}>{t(next.label)}</Link>
        </p>
      )}
      {id && <p className="kk-text-sm">{t("app.apiError.requestId", { requestId: id })}</p>}
    </Alert>
  );
}

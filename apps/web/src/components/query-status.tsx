import type { UseQueryResult } from "@tanstack/react-query";
import { appCatalog } from "../app/i18n.ts";
import { isApiError } from "../lib/api-client.ts";
import { useT } from "../lib/i18n/use-t.ts";
import { ApiErrorAlert } from "./api-error-alert.tsx";

export interface QueryStatusProps {
  query: UseQueryResult<unknown>;
  /**
   * What is read, e.g. ログイン履歴: ログイン履歴を読み込んでいます… / ログイン履歴を表示できませんでした。
   * In English lower-case, as read inside a sentence: "Loading your login history…".
   */
  what: string;
  /**
   * false: the failure without its お問い合わせ番号, as the login history and the notices
   * have always shown it (their visual baselines); the other screens show it.
   */
  requestId?: boolean;
}

/** Loading, or the failure with 再試行, of a query the screen cannot show without. */
export function QueryStatus({ query, what, requestId = true }: QueryStatusProps) {
  const { t } = useT(appCatalog);
  if (query.isError) {
    const { error } = query;
    return (
      <ApiErrorAlert
        error={requestId ? error : undefined}
        message={isApiError(error) ? error.message : undefined}
        lead={t("app.query.failed", { what })}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return (
    <p className="kk-loading" role="status">
      {t("app.query.loading", { what })}
    </p>
  );
}

import type { UseQueryResult } from "@tanstack/react-query";
import { ApiErrorAlert } from "../components/api-error-alert.tsx";
import { isApiError } from "../lib/api-client.ts";

/** Loading, or the failure with 再試行, of a query the screen cannot show without. */
export function QueryStatus({ query, what }: { query: UseQueryResult<unknown>; what: string }) {
  if (query.isError) {
    return (
      <ApiErrorAlert
        error={query.error}
        lead={`${what}を表示できませんでした。`}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return (
    <p className="kk-loading" role="status">
      {what}を読み込んでいます…
    </p>
  );
}

/** A refusal of the whole request (no field named), shown above the input. */
export interface Notice {
  message: string;
  requestId: string | undefined;
}

export function noticeOf(error: unknown): Notice | undefined {
  return isApiError(error) ? { message: error.message, requestId: error.requestId } : undefined;
}

export function NoticeAlert({ notice }: { notice: Notice | undefined }) {
  if (!notice) return null;
  return <ApiErrorAlert message={notice.message} requestId={notice.requestId} />;
}

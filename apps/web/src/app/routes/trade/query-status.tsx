import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import type { UseQueryResult } from "@tanstack/react-query";
import { isApiError } from "../../../lib/api-client.ts";

/** Loading, or the failure with 再試行, of a query the screen cannot show without. */
export function QueryStatus({ query, what }: { query: UseQueryResult<unknown>; what: string }) {
  if (query.isError) {
    return (
      <Alert
        variant="error"
        actions={
          <Button variant="secondary" loading={query.isFetching} onClick={() => void query.refetch()}>
            再試行
          </Button>
        }
      >
        <p>{what}を表示できませんでした。</p>
        {isApiError(query.error) && <p>{query.error.message}</p>}
        {isApiError(query.error) && query.error.requestId && (
          <p className="kk-text-sm">お問い合わせ番号: {query.error.requestId}</p>
        )}
      </Alert>
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
  return (
    <Alert variant="error">
      <p>{notice.message}</p>
      {notice.requestId && <p className="kk-text-sm">お問い合わせ番号: {notice.requestId}</p>}
    </Alert>
  );
}

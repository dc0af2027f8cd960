import { Button } from "@kakunin/ui/button";
import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { appCatalog } from "../app/i18n.ts";
import { isApiError } from "../lib/api-client.ts";
import { useT } from "../lib/i18n/use-t.ts";
import { ApiErrorAlert } from "./api-error-alert.tsx";

export interface MorePagesProps {
  query: Pick<
    UseInfiniteQueryResult<unknown>,
    "hasNextPage" | "fetchNextPage" | "isFetchingNextPage" | "isFetchNextPageError" | "error"
  >;
  /**
   * What the list holds, e.g. ご注文: ご注文の続きを表示できませんでした。 In English a plural,
   * lower-case: orders → "We could not display more orders."
   */
  what: string;
}

/**
 * 「さらに表示」 under a list read a page at a time (issue 16): shown while the last page read
 * names a next one, gone after the last page. A failed read keeps the pages shown and says so.
 */
export function MorePages({ query, what }: MorePagesProps) {
  const { t } = useT(appCatalog);
  if (!query.hasNextPage) return null;
  return (
    <div className="kk-stack">
      {query.isFetchNextPageError && (
        <ApiErrorAlert
          error={query.error}
          message={isApiError(query.error) ? query.error.message : undefined}
          lead={t("app.morePages.failed", { what })}
        />
      )}
      <div className="kk-actions">
        <Button
          variant="secondary"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage({ cancelRefetch: false })}
        >
          {t("app.morePages.more")}
        </Button>
      </div>
    </div>
  );
}

import { type LoginHistory, loginHistorySchema } from "@kakunin/contracts/customers";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/** ログイン履歴: one page of login attempts, newest first, after `cursor`. */
export function getLoginHistory({
  cursor,
  signal,
}: {
  cursor?: string | null;
  signal?: AbortSignal;
} = {}): Promise<LoginHistory> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return apiRequest(`/api/me/login-history${query}`, loginHistorySchema, { signal });
}

export function loginHistoryQueryOptions() {
  return infiniteQueryOptions({
    queryKey: ["me", "login-history"],
    queryFn: ({ pageParam, signal }) => getLoginHistory({ cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The pages read so far, with fetchNextPage for 「さらに表示」. */
export function useLoginHistory() {
  return useInfiniteQuery(loginHistoryQueryOptions());
}

import { withdrawalListSchema } from "@kakunin/contracts/withdrawals";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";

export type WithdrawalList = z.infer<typeof withdrawalListSchema>;

/** 出金申込履歴: one page of the customer's withdrawal requests, newest first, after `cursor`. */
export function getWithdrawals({
  cursor,
  signal,
}: {
  cursor?: string | null;
  signal?: AbortSignal;
} = {}): Promise<WithdrawalList> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return apiRequest(`/api/me/withdrawals${query}`, withdrawalListSchema, { signal });
}

export function withdrawalsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: ["me", "withdrawals", "list"],
    queryFn: ({ pageParam, signal }) => getWithdrawals({ cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The pages read so far, with fetchNextPage for 「さらに表示」. */
export function useWithdrawals() {
  return useInfiniteQuery(withdrawalsQueryOptions());
}

import { type NoticeList, noticeListSchema } from "@kakunin/contracts/customers";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export function getNotices({ signal }: { signal?: AbortSignal } = {}): Promise<NoticeList> {
  return apiRequest("/api/me/notices", noticeListSchema, { signal });
}

export function noticesQueryOptions() {
  return queryOptions({
    queryKey: ["me", "notices"],
    queryFn: ({ signal }) => getNotices({ signal }),
  });
}

export function useNotices() {
  return useQuery(noticesQueryOptions());
}

import { type LoginHistory, loginHistorySchema } from "@kakunin/contracts/customers";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export function getLoginHistory({ signal }: { signal?: AbortSignal } = {}): Promise<LoginHistory> {
  return apiRequest("/api/me/login-history", loginHistorySchema, { signal });
}

export function loginHistoryQueryOptions() {
  return queryOptions({
    queryKey: ["me", "login-history"],
    queryFn: ({ signal }) => getLoginHistory({ signal }),
  });
}

export function useLoginHistory() {
  return useQuery(loginHistoryQueryOptions());
}

import { type ActiveSessionList, activeSessionListSchema } from "@kakunin/contracts/sessions";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/** GET /api/me/sessions: ログイン中の端末 (R32), this browser's session first. */
export function getSessions({ signal }: { signal?: AbortSignal } = {}): Promise<ActiveSessionList> {
  return apiRequest("/api/me/sessions", activeSessionListSchema, { signal });
}

export function sessionsQueryOptions() {
  return queryOptions({
    queryKey: ["me", "sessions"],
    queryFn: ({ signal }) => getSessions({ signal }),
  });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}

import { type Session, sessionSchema } from "@kakunin/contracts/auth";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export type AuthenticatedSession = Extract<Session, { authenticated: true }>;

export function getSession({ signal }: { signal?: AbortSignal } = {}): Promise<Session> {
  return apiRequest("/api/session", sessionSchema, { signal });
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: ["session"],
    queryFn: ({ signal }) => getSession({ signal }),
    // Route loaders reuse it between pages; expiry is still caught by any protected call's 401.
    staleTime: 30_000,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

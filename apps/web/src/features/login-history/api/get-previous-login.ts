import { type PreviousLogin, previousLoginSchema } from "@kakunin/contracts/customers";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/** 前回ログイン (R42): the login before this session's, or null on the first login. */
export function getPreviousLogin({ signal }: { signal?: AbortSignal } = {}): Promise<PreviousLogin> {
  return apiRequest("/api/me/previous-login", previousLoginSchema, { signal });
}

export function previousLoginQueryOptions() {
  return queryOptions({
    queryKey: ["me", "previous-login"],
    queryFn: ({ signal }) => getPreviousLogin({ signal }),
    // It cannot change during the session.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePreviousLogin() {
  return useQuery(previousLoginQueryOptions());
}

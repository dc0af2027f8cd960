import { type EndSessionsResponse, endSessionsResponseSchema } from "@kakunin/contracts/sessions";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { sessionsQueryOptions } from "./get-sessions.ts";

/** What 「ログアウト」 ends: one other session by its handle, or every other one. */
export type EndTarget = { kind: "one"; handle: string } | { kind: "others" };

/**
 * POST /api/me/sessions/:handle/logout or /api/me/sessions/logout-others. Not a guarded
 * operation: ending sessions only protects the customer, so it asks for no password (R32).
 */
export function endSessions(target: EndTarget): Promise<EndSessionsResponse> {
  const path =
    target.kind === "one"
      ? (`/api/me/sessions/${encodeURIComponent(target.handle)}/logout` as const)
      : ("/api/me/sessions/logout-others" as const);
  return apiRequest(path, endSessionsResponseSchema, { method: "POST" });
}

export function useEndSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSessions,
    // Refused or not, the list on screen may be out of date: read it again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions().queryKey }),
  });
}

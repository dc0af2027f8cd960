import { sessionSchema } from "@kakunin/contracts/auth";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { sessionQueryOptions } from "./get-session.ts";
import { loggedIn } from "./login.ts";

/** 延長: the BFF restarts the idle timer and answers the session with its new expiry (issue 15). */
export async function extendSession() {
  return loggedIn(await apiRequest("/api/session/extension", sessionSchema, { method: "POST" }));
}

export function useExtendSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: extendSession,
    // The new expiry moves the warning away; a 401 is handled by the client's session-ended handler.
    onSuccess: (session) => queryClient.setQueryData(sessionQueryOptions().queryKey, session),
  });
}

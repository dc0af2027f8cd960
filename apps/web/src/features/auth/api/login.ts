import { type LoginRequest, type Session, sessionSchema } from "@kakunin/contracts/auth";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiRequest } from "../../../lib/api-client.ts";
import { type AuthenticatedSession, sessionQueryOptions } from "./get-session.ts";

/** A login's answer (password or passkey): a 200 that is not a login would be a BFF bug. */
export function loggedIn(session: Session): AuthenticatedSession {
  // Do not enter the member area on it.
  if (!session.authenticated) throw new ApiError({ code: "internal_error", status: 200, retryable: false });
  return session;
}

/** After any login: the new customer's session, and nothing cached for an earlier one. */
export function enterSession(queryClient: QueryClient, session: AuthenticatedSession) {
  // Anything cached for an earlier customer in this tab must never show for this one.
  queryClient.removeQueries();
  queryClient.setQueryData(sessionQueryOptions().queryKey, session);
}

export async function login(body: LoginRequest): Promise<AuthenticatedSession> {
  return loggedIn(await apiRequest("/api/session", sessionSchema, { method: "POST", body }));
}

export function useLogin({ onSuccess }: { onSuccess?: (session: AuthenticatedSession) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // The password sits in the mutation's variables: let it go as soon as the form unmounts.
    gcTime: 0,
    onSuccess: (session) => {
      enterSession(queryClient, session);
      onSuccess?.(session);
    },
  });
}

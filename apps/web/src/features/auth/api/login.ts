import { type LoginRequest, sessionSchema } from "@kakunin/contracts/auth";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiRequest } from "../../../lib/api-client.ts";
import { type AuthenticatedSession, sessionQueryOptions } from "./get-session.ts";

export async function login(body: LoginRequest): Promise<AuthenticatedSession> {
  const session = await apiRequest("/api/session", sessionSchema, { method: "POST", body });
  // A 200 that is not a login would be a BFF bug; do not enter the member area on it.
  if (!session.authenticated) throw new ApiError({ code: "internal_error", status: 200, retryable: false });
  return session;
}

export function useLogin({ onSuccess }: { onSuccess?: (session: AuthenticatedSession) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // The password sits in the mutation's variables: let it go as soon as the form unmounts.
    gcTime: 0,
    onSuccess: (session) => {
      // Anything cached for an earlier customer in this tab must never show for this one.
      queryClient.removeQueries();
      queryClient.setQueryData(sessionQueryOptions().queryKey, session);
      onSuccess?.(session);
    },
  });
}

import { sessionSchema } from "@kakunin/contracts/auth";
import type { AuthenticationResponse } from "@kakunin/contracts/passkeys";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import type { AuthenticatedSession } from "./get-session.ts";
import { enterSession, loggedIn } from "./login.ts";

/** POST /api/session/passkey: the browser's assertion; the passkey names the customer. */
export async function loginWithPasskey(body: { response: AuthenticationResponse }): Promise<AuthenticatedSession> {
  return loggedIn(await apiRequest("/api/session/passkey", sessionSchema, { method: "POST", body }));
}

export function useLoginWithPasskey({ onSuccess }: { onSuccess?: (session: AuthenticatedSession) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loginWithPasskey,
    // The assertion is single use; nothing to keep once the screen is left.
    gcTime: 0,
    onSuccess: (session) => {
      enterSession(queryClient, session);
      onSuccess?.(session);
    },
  });
}

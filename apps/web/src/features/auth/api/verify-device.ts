import { sessionSchema } from "@kakunin/contracts/auth";
import type { DeviceVerificationRequest } from "@kakunin/contracts/devices";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import type { AuthenticatedSession } from "./get-session.ts";
import { enterSession, loggedIn } from "./login.ts";

/** Completes a password login from a new device with the mailed 認証コード (issue 15). */
export async function verifyDevice(body: DeviceVerificationRequest): Promise<AuthenticatedSession> {
  return loggedIn(await apiRequest("/api/session/device-verification", sessionSchema, { method: "POST", body }));
}

export function useVerifyDevice({ onSuccess }: { onSuccess?: (session: AuthenticatedSession) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyDevice,
    gcTime: 0,
    onSuccess: (session) => {
      enterSession(queryClient, session);
      onSuccess?.(session);
    },
  });
}

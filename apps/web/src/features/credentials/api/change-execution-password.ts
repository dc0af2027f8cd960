import type { ChangeExecutionPasswordRequest } from "@kakunin/contracts/credentials";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { credentialsQueryOptions } from "./get-credentials.ts";
import { type PasswordChanged, passwordChangedSchema } from "./password-changed.ts";

export function changeExecutionPassword(body: ChangeExecutionPasswordRequest): Promise<PasswordChanged> {
  return apiRequest("/api/me/execution-password", passwordChangedSchema, { method: "PUT", body });
}

/**
 * 執行パスワード変更 (R10). Callers that show other data tied to the initial password (the
 * notices) refresh it in `onSuccess`; this feature only knows its own queries.
 */
export function useChangeExecutionPassword({ onSuccess }: { onSuccess?: (result: PasswordChanged) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeExecutionPassword,
    // The passwords sit in the mutation's variables: let them go as soon as the form unmounts.
    gcTime: 0,
    onSuccess: (result) => onSuccess?.(result),
    // Success, a wrong current password (one try fewer) and a lock all change the status.
    // Not awaited: the customer sees the outcome at once; the status catches up in the background.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: credentialsQueryOptions().queryKey });
    },
  });
}

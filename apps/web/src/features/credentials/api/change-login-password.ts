import type { ChangeLoginPasswordRequest } from "@kakunin/contracts/credentials";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { credentialsQueryOptions } from "./get-credentials.ts";
import { type PasswordChanged, passwordChangedSchema } from "./password-changed.ts";

/** On success the BFF ends the customer's other sessions; this one stays. */
export function changeLoginPassword(body: ChangeLoginPasswordRequest): Promise<PasswordChanged> {
  return apiRequest("/api/me/login-password", passwordChangedSchema, { method: "PUT", body });
}

export function useChangeLoginPassword({ onSuccess }: { onSuccess?: (result: PasswordChanged) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeLoginPassword,
    // The passwords sit in the mutation's variables: let them go as soon as the form unmounts.
    gcTime: 0,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: credentialsQueryOptions().queryKey });
      onSuccess?.(result);
    },
  });
}

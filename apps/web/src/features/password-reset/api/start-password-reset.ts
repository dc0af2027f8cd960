import {
  type PasswordResetStarted,
  passwordResetStartedSchema,
  type StartPasswordResetRequest,
} from "@kakunin/contracts/password-reset";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/** Step 1: the BFF answers alike whether or not the customer matched, and sets the reset cookie. */
export function startPasswordReset(body: StartPasswordResetRequest): Promise<PasswordResetStarted> {
  return apiRequest("/api/password-resets", passwordResetStartedSchema, { method: "POST", body });
}

export function useStartPasswordReset({ onSuccess }: { onSuccess?: (result: PasswordResetStarted) => void } = {}) {
  return useMutation({
    mutationFn: startPasswordReset,
    // The birth date sits in the mutation's variables: let it go as soon as the form unmounts.
    gcTime: 0,
    onSuccess: (result) => onSuccess?.(result),
  });
}

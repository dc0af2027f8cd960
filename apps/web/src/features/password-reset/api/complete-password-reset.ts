import {
  type CompletePasswordResetRequest,
  type PasswordResetCompleted,
  passwordResetCompletedSchema,
} from "@kakunin/contracts/password-reset";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/** Steps 2–3: the mailed code and the new password; every session of the customer ends, none starts. */
export function completePasswordReset(body: CompletePasswordResetRequest): Promise<PasswordResetCompleted> {
  return apiRequest("/api/password-resets/completion", passwordResetCompletedSchema, { method: "POST", body });
}

export function useCompletePasswordReset({ onSuccess }: { onSuccess?: (result: PasswordResetCompleted) => void } = {}) {
  return useMutation({
    mutationFn: completePasswordReset,
    // The new password sits in the mutation's variables: let it go as soon as the form unmounts.
    gcTime: 0,
    onSuccess: (result) => onSuccess?.(result),
  });
}

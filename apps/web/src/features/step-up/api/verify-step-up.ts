import type { VerifyStepUpRequest } from "@kakunin/contracts/step-up";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * Proves the pending challenge with the 執行パスワード (and 認証コード). 204: the BFF keeps the
 * grant in an httpOnly cookie; the SPA then retries the guarded call.
 */
export function verifyStepUp(body: VerifyStepUpRequest): Promise<undefined> {
  return apiRequest("/api/step-up/verifications", null, { method: "POST", body });
}

export function useVerifyStepUp() {
  return useMutation({
    mutationFn: verifyStepUp,
    // The password sits in the mutation's variables: let it go as soon as the form unmounts.
    gcTime: 0,
  });
}

import { type StartStepUpRequest, type StepUpChallenge, stepUpChallengeSchema } from "@kakunin/contracts/step-up";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * Starts confirming `operation` for exactly `payload` (R26); mails the 認証コード when the
 * operation needs one. Calling it again for the same operation resends the code
 * (429 auth_code_resend_too_soon within a minute, auth_code_resend_limit after 5 in an hour).
 */
export function startStepUp(body: StartStepUpRequest): Promise<StepUpChallenge> {
  return apiRequest("/api/step-up/challenges", stepUpChallengeSchema, { method: "POST", body });
}

export function useStartStepUp() {
  return useMutation({ mutationFn: startStepUp });
}

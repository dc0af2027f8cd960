import { type StartStepUpRequest, type StepUpChallenge, stepUpChallengeSchema } from "@kakunin/contracts/step-up";
import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * Starts confirming `operation` for exactly `payload` (R26); mails the 認証コード when the
 * operation needs one. Calling it again for the same operation resends the code
 * (429 rate_limited when asked again within a minute).
 */
export function startStepUp(body: StartStepUpRequest): Promise<StepUpChallenge> {
  return apiRequest("/api/step-up/challenges", stepUpChallengeSchema, { method: "POST", body });
}

export function useStartStepUp() {
  return useMutation({ mutationFn: startStepUp });
}

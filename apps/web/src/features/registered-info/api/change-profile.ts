import { type Profile, type ProfileChange, profileSchema } from "@kakunin/contracts/registered-info";
import { IDEMPOTENCY_HEADER } from "@kakunin/contracts/step-up";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { profileQueryOptions } from "./get-profile.ts";

export interface ChangeProfileInput {
  /** Exactly the payload the customer confirmed (change_profile): the grant is bound to it. */
  body: ProfileChange;
  /** One per confirmation, so a double submit changes once (R26). */
  idempotencyKey: string;
}

/** 口座情報変更; answers the new 口座情報. 403 step_up_required without a matching grant. */
export function changeProfile({ body, idempotencyKey }: ChangeProfileInput): Promise<Profile> {
  return apiRequest("/api/me/profile", profileSchema, {
    method: "PUT",
    body,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

export function useChangeProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeProfile,
    onSuccess: (profile) => {
      const { queryKey } = profileQueryOptions();
      queryClient.setQueryData(queryKey, profile);
      void queryClient.invalidateQueries({ queryKey });
    },
  });
}

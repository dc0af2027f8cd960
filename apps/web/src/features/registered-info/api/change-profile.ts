import {
  type ProfileChange,
  type ProfileChangeReceipt,
  profileChangeReceiptSchema,
} from "@kakunin/contracts/registered-info";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";
import { profileQueryOptions } from "./get-profile.ts";

/** Exactly the payload the customer confirmed (change_profile): the grant is bound to it. */
export type ChangeProfileInput = GuardedCall<ProfileChange>;

/** 口座情報変更; answers the new 口座情報. 403 step_up_required without a matching grant. */
export function changeProfile({ body, idempotencyKey }: ChangeProfileInput): Promise<ProfileChangeReceipt> {
  return guardedRequest("/api/me/profile", profileChangeReceiptSchema, { body, idempotencyKey, method: "PUT" });
}

export function useChangeProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeProfile,
    onSuccess: ({ notificationSentTo: _mail, ...profile }) => {
      const { queryKey } = profileQueryOptions();
      queryClient.setQueryData(queryKey, profile);
      void queryClient.invalidateQueries({ queryKey });
    },
  });
}

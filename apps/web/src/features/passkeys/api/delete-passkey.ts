import { type DeletePasskeyRequest, type PasskeyList, passkeyListSchema } from "@kakunin/contracts/passkeys";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";
import { passkeysQueryOptions } from "./get-passkeys.ts";

/**
 * パスキーの削除 (delete_passkey): exactly the confirmed `{ passkeyId }` under the
 * confirmation's Idempotency-Key; the answer is the list as it stands after.
 */
export function deletePasskey(call: GuardedCall<DeletePasskeyRequest>): Promise<PasskeyList> {
  return guardedRequest(
    `/api/me/passkeys/${encodeURIComponent(call.body.passkeyId)}/deletion`,
    passkeyListSchema,
    call,
  );
}

export function useDeletePasskey() {
  const queryClient = useQueryClient();
  const { queryKey } = passkeysQueryOptions();
  return useMutation({
    mutationFn: deletePasskey,
    onSuccess: (list) => {
      // The answer is already the new list; the refetch only confirms it.
      queryClient.setQueryData(queryKey, list);
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}

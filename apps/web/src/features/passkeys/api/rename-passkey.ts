import { type PasskeyView, passkeyViewSchema } from "@kakunin/contracts/passkeys";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { passkeysQueryOptions } from "./get-passkeys.ts";

export interface RenamePasskeyInput {
  passkeyId: string;
  name: string;
}

/** PATCH /api/me/passkeys/:passkeyId: 名前の変更. Not guarded: a name proves and unlocks nothing. */
export function renamePasskey({ passkeyId, name }: RenamePasskeyInput): Promise<PasskeyView> {
  return apiRequest(`/api/me/passkeys/${encodeURIComponent(passkeyId)}`, passkeyViewSchema, {
    method: "PATCH",
    body: { name },
  });
}

export function useRenamePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renamePasskey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passkeysQueryOptions().queryKey }),
  });
}

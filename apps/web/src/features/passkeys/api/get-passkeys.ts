import { type PasskeyList, passkeyListSchema } from "@kakunin/contracts/passkeys";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

/** GET /api/me/passkeys: the customer's passkeys as パスキー設定 lists them (never key material). */
export function getPasskeys({ signal }: { signal?: AbortSignal } = {}): Promise<PasskeyList> {
  return apiRequest("/api/me/passkeys", passkeyListSchema, { signal });
}

/** The one key every passkey change invalidates, so the list always shows what core holds. */
export function passkeysQueryOptions() {
  return queryOptions({
    queryKey: ["me", "passkeys"],
    queryFn: ({ signal }) => getPasskeys({ signal }),
  });
}

export function usePasskeys() {
  return useQuery(passkeysQueryOptions());
}

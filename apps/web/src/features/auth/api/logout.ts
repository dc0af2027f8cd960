import { useMutation } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export function logout(): Promise<undefined> {
  return apiRequest("/api/session", null, { method: "DELETE" });
}

/**
 * `onSuccess` should leave the member pages (go to the login screen). The cache is not
 * cleared here: clearing while member pages are still mounted makes them refetch, and the
 * 401s race the navigation. The login screen drops the whole cache when it mounts instead.
 */
export function useLogout({ onSuccess }: { onSuccess: () => Promise<void> | void }) {
  return useMutation({ mutationFn: logout, onSuccess });
}

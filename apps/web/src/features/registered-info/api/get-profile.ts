import { type Profile, profileSchema } from "@kakunin/contracts/registered-info";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { stepUpGuardedQueryDefaults } from "../../../lib/step-up.ts";

/** 口座情報 (R20): 403 step_up_required until the customer confirms view_registered_info. */
export function getProfile({ signal }: { signal?: AbortSignal } = {}): Promise<Profile> {
  return apiRequest("/api/me/profile", profileSchema, { signal });
}

export function profileQueryOptions() {
  return queryOptions({
    queryKey: ["me", "registered-info", "profile"],
    queryFn: ({ signal }) => getProfile({ signal }),
    ...stepUpGuardedQueryDefaults,
  });
}

export function useProfile() {
  return useQuery(profileQueryOptions());
}

import { accountOpeningListSchema } from "@kakunin/contracts/registered-info";
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../../../lib/api-client.ts";
import { stepUpGuardedQueryDefaults } from "../../../lib/step-up.ts";

export type AccountOpeningList = z.infer<typeof accountOpeningListSchema>;

/** 口座開設状況 (R20): behind the view_registered_info step-up. */
export function getAccountOpenings({ signal }: { signal?: AbortSignal } = {}): Promise<AccountOpeningList> {
  return apiRequest("/api/me/account-openings", accountOpeningListSchema, { signal });
}

export function accountOpeningsQueryOptions() {
  return queryOptions({
    queryKey: ["me", "registered-info", "account-openings"],
    queryFn: ({ signal }) => getAccountOpenings({ signal }),
    ...stepUpGuardedQueryDefaults,
  });
}

export function useAccountOpenings() {
  return useQuery(accountOpeningsQueryOptions());
}

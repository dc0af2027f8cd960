import { type RegisteredEmails, registeredEmailsSchema } from "@kakunin/contracts/registered-info";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { stepUpGuardedQueryDefaults } from "../../../lib/step-up.ts";

/** メールアドレス登録 (R20): up to 2 addresses, behind the view_registered_info step-up. */
export function getRegisteredEmails({ signal }: { signal?: AbortSignal } = {}): Promise<RegisteredEmails> {
  return apiRequest("/api/me/emails", registeredEmailsSchema, { signal });
}

export function registeredEmailsQueryOptions() {
  return queryOptions({
    queryKey: ["me", "registered-info", "emails"],
    queryFn: ({ signal }) => getRegisteredEmails({ signal }),
    ...stepUpGuardedQueryDefaults,
  });
}

export function useRegisteredEmails() {
  return useQuery(registeredEmailsQueryOptions());
}

import { type CredentialStatus, credentialStatusSchema } from "@kakunin/contracts/credentials";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";

export function getCredentials({ signal }: { signal?: AbortSignal } = {}): Promise<CredentialStatus> {
  return apiRequest("/api/me/credentials", credentialStatusSchema, { signal });
}

/** The execution password's state (initial? locked? tries left) and the R11 schedule. */
export function credentialsQueryOptions() {
  return queryOptions({
    queryKey: ["me", "credentials"],
    queryFn: ({ signal }) => getCredentials({ signal }),
  });
}

export function useCredentials() {
  return useQuery(credentialsQueryOptions());
}

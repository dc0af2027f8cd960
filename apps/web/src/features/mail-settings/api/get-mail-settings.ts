import { type MailSettings, mailSettingsSchema } from "@kakunin/contracts/mail";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { stepUpGuardedQueryDefaults } from "../../../lib/step-up.ts";

/** メールサービス配信設定 (R23): behind the view_registered_info step-up (R20). */
export function getMailSettings({ signal }: { signal?: AbortSignal } = {}): Promise<MailSettings> {
  return apiRequest("/api/me/mail-settings", mailSettingsSchema, { signal });
}

export function mailSettingsQueryOptions() {
  return queryOptions({
    queryKey: ["me", "mail-settings"],
    queryFn: ({ signal }) => getMailSettings({ signal }),
    ...stepUpGuardedQueryDefaults,
  });
}

export function useMailSettings() {
  return useQuery(mailSettingsQueryOptions());
}

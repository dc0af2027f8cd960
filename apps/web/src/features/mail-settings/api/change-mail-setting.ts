import { type MailSettingChange, type MailSettings, mailSettingsSchema } from "@kakunin/contracts/mail";
import { IDEMPOTENCY_HEADER } from "@kakunin/contracts/step-up";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { mailSettingsQueryOptions } from "./get-mail-settings.ts";

export interface ChangeMailSettingInput {
  /** Exactly the payload the customer confirmed (change_mail_settings): the grant is bound to it. */
  body: MailSettingChange;
  /** One per confirmation, so a double submit changes once (R26). */
  idempotencyKey: string;
}

/** メールサービス配信設定の変更 (R24): one mail's 配信設定 and 配信先; answers every setting. */
export function changeMailSetting({ body, idempotencyKey }: ChangeMailSettingInput): Promise<MailSettings> {
  return apiRequest("/api/me/mail-settings", mailSettingsSchema, {
    method: "PUT",
    body,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

export function useChangeMailSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeMailSetting,
    onSuccess: (mailSettings) => {
      const { queryKey } = mailSettingsQueryOptions();
      queryClient.setQueryData(queryKey, mailSettings);
      void queryClient.invalidateQueries({ queryKey });
    },
  });
}

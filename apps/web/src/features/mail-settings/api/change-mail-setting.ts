import { type MailSettingChange, type MailSettings, mailSettingsSchema } from "@kakunin/contracts/mail";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";
import { mailSettingsQueryOptions } from "./get-mail-settings.ts";

/** Exactly the payload the customer confirmed (change_mail_settings): the grant is bound to it. */
export type ChangeMailSettingInput = GuardedCall<MailSettingChange>;

/** メールサービス配信設定の変更 (R24): one mail's 配信設定 and 配信先; answers every setting. */
export function changeMailSetting({ body, idempotencyKey }: ChangeMailSettingInput): Promise<MailSettings> {
  return guardedRequest("/api/me/mail-settings", mailSettingsSchema, { body, idempotencyKey, method: "PUT" });
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

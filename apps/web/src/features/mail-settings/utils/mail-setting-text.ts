import {
  type MailSetting,
  type MailSettingChange,
  type MailSettings,
  mailTypeLabels,
  type OptionalMailType,
  optionalMailTypes,
} from "@kakunin/contracts/mail";

export type AddressPosition = MailSetting["destination"];

/** The notice's label of a mail type (出金認証コード通知メール …). */
export function mailLabel(type: OptionalMailType): string {
  return mailTypeLabels[type];
}

/** 配信中 / 配信不要. */
export function enabledText(enabled: boolean): string {
  return enabled ? "配信中" : "配信不要";
}

/** The registered address in a slot, or null (未登録). */
export function addressAt(mailSettings: Pick<MailSettings, "addresses">, position: AddressPosition): string | null {
  return mailSettings.addresses.find((entry) => entry.position === position)?.address ?? null;
}

/** The settings in the notice's order, whatever order they arrive in. */
export function orderedSettings(mailSettings: MailSettings): MailSetting[] {
  return optionalMailTypes.flatMap((type) => mailSettings.settings.filter((setting) => setting.type === type));
}

export function settingOf(mailSettings: MailSettings, type: OptionalMailType): MailSetting | undefined {
  return mailSettings.settings.find((setting) => setting.type === type);
}

/**
 * What changes for the customer from now on, under the completion's heading. The notice's
 * own sentence for the withdrawal code (R24); the view code is its sibling.
 */
export function nextTimeMessage(change: MailSettingChange): string {
  switch (change.type) {
    case "withdrawal_auth_code":
      return change.enabled
        ? "次回より、出金申込時に認証コードが必要になります"
        : "次回より、出金申込時の認証コードは不要になります";
    case "view_auth_code":
      return change.enabled
        ? "次回より、登録情報の照会時に認証コードが必要になります"
        : "次回より、登録情報の照会時の認証コードは不要になります";
    default:
      return change.enabled
        ? `次回より、${mailLabel(change.type)}を配信先のメールアドレスにお送りします`
        : `次回より、${mailLabel(change.type)}はお送りしません`;
  }
}

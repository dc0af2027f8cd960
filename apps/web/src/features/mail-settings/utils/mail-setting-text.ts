import {
  type MailSetting,
  type MailSettingChange,
  type MailSettings,
  type OptionalMailType,
  optionalMailTypes,
} from "@kakunin/contracts/mail";
import type { Translate } from "../../../lib/i18n/use-t.ts";

/**
 * The functions that word something take the caller's translator, from
 * `useT(mailSettingsCatalog)`, so the component re-renders them when the language changes.
 */
export type AddressPosition = MailSetting["destination"];

/** The notice's label of each mail type (出金認証コード通知メール …), as mailSettingsCatalog ids. */
const mailLabelIds: Record<OptionalMailType, string> = {
  login_notification: "mailSettings.type.loginNotification",
  trade_execution: "mailSettings.type.tradeExecution",
  fund_execution: "mailSettings.type.fundExecution",
  withdrawal_completed: "mailSettings.type.withdrawalCompleted",
  account_info_changed: "mailSettings.type.accountInfoChanged",
  withdrawal_auth_code: "mailSettings.type.withdrawalAuthCode",
  view_auth_code: "mailSettings.type.viewAuthCode",
};

/** The notice's label of a mail type (出金認証コード通知メール …). */
export function mailLabel(type: OptionalMailType, t: Translate): string {
  return t(mailLabelIds[type]);
}

/** 配信中 / 配信不要. */
export function enabledText(enabled: boolean, t: Translate): string {
  return enabled ? t("mailSettings.enabled.on") : t("mailSettings.enabled.off");
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
export function nextTimeMessage(change: MailSettingChange, t: Translate): string {
  switch (change.type) {
    case "withdrawal_auth_code":
      return change.enabled
        ? t("mailSettings.nextTime.withdrawalCodeOn")
        : t("mailSettings.nextTime.withdrawalCodeOff");
    case "view_auth_code":
      return change.enabled ? t("mailSettings.nextTime.viewCodeOn") : t("mailSettings.nextTime.viewCodeOff");
    default: {
      const mail = mailLabel(change.type, t);
      return change.enabled ? t("mailSettings.nextTime.sent", { mail }) : t("mailSettings.nextTime.notSent", { mail });
    }
  }
}

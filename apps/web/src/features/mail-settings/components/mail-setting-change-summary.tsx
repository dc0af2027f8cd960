import type { MailSetting, MailSettingChange, MailSettings } from "@kakunin/contracts/mail";
import { ChangeValue, DescriptionList } from "@kakunin/ui/description-list";
import { useT } from "../../../lib/i18n/use-t.ts";
import { mailSettingsCatalog } from "../i18n.ts";
import { addressAt, enabledText, mailLabel } from "../utils/mail-setting-text.ts";

export interface MailSettingChangeSummaryProps {
  /** The mail's setting now. */
  before: Pick<MailSetting, "enabled" | "destination">;
  /** Exactly what will be sent. */
  change: MailSettingChange;
  addresses: MailSettings["addresses"];
}

/** The confirmation's 種類 / 配信設定 / 配信先, each 変更前 → 変更後. */
export function MailSettingChangeSummary({ before, change, addresses }: MailSettingChangeSummaryProps) {
  const { t } = useT(mailSettingsCatalog);
  const notRegistered = t("mailSettings.notRegistered");
  const beforeAddress = addressAt({ addresses }, before.destination) ?? notRegistered;
  const afterAddress = addressAt({ addresses }, change.destination) ?? notRegistered;
  return (
    <DescriptionList
      items={[
        { term: t("mailSettings.column.type"), detail: mailLabel(change.type, t) },
        {
          term: t("mailSettings.column.enabled"),
          detail: (
            <ChangeValue
              before={enabledText(before.enabled, t)}
              after={enabledText(change.enabled, t)}
              unchanged={before.enabled === change.enabled}
            />
          ),
        },
        {
          term: t("mailSettings.column.destination"),
          detail: (
            <ChangeValue
              before={beforeAddress}
              after={afterAddress}
              unchanged={before.destination === change.destination}
            />
          ),
        },
      ]}
    />
  );
}

/** The completion's record of the mail's new setting. */
export function MailSettingDetails({
  setting,
  addresses,
}: {
  setting: Pick<MailSetting, "type" | "enabled" | "destination">;
  addresses: MailSettings["addresses"];
}) {
  const { t } = useT(mailSettingsCatalog);
  return (
    <DescriptionList
      items={[
        { term: t("mailSettings.column.type"), detail: mailLabel(setting.type, t) },
        { term: t("mailSettings.column.enabled"), detail: enabledText(setting.enabled, t) },
        {
          term: t("mailSettings.column.destination"),
          detail: addressAt({ addresses }, setting.destination) ?? t("mailSettings.notRegistered"),
        },
      ]}
    />
  );
}

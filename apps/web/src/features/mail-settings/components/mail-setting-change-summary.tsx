import type { MailSetting, MailSettingChange, MailSettings } from "@kakunin/contracts/mail";
import { ChangeValue, DescriptionList } from "@kakunin/ui/description-list";
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
  const beforeAddress = addressAt({ addresses }, before.destination) ?? "未登録";
  const afterAddress = addressAt({ addresses }, change.destination) ?? "未登録";
  return (
    <DescriptionList
      items={[
        { term: "種類", detail: mailLabel(change.type) },
        {
          term: "配信設定",
          detail: (
            <ChangeValue
              before={enabledText(before.enabled)}
              after={enabledText(change.enabled)}
              unchanged={before.enabled === change.enabled}
            />
          ),
        },
        {
          term: "配信先",
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
  return (
    <DescriptionList
      items={[
        { term: "種類", detail: mailLabel(setting.type) },
        { term: "配信設定", detail: enabledText(setting.enabled) },
        { term: "配信先", detail: addressAt({ addresses }, setting.destination) ?? "未登録" },
      ]}
    />
  );
}

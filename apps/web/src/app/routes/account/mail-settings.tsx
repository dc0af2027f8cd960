import { useMailSettings } from "../../../features/mail-settings/api/get-mail-settings.ts";
import { MailSettingsTable } from "../../../features/mail-settings/components/mail-settings-table.tsx";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import type { PageHandle } from "../app-layout.tsx";

const TITLE = "メールサービス配信設定";

function MailSettingsPage() {
  const mailSettings = useMailSettings();
  return (
    <RegisteredInfoGate query={mailSettings} label={TITLE} subject="メールの配信設定">
      {(data) => <MailSettingsTable mailSettings={data} />}
    </RegisteredInfoGate>
  );
}

export function mailSettingsRoute() {
  return {
    handle: { title: TITLE } satisfies PageHandle,
    Component: MailSettingsPage,
  };
}

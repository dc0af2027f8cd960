import { type MailSettings, mailTypeLabels, optionalMailTypes } from "@kakunin/contracts/mail";
import { useId } from "react";

/** メールサービス配信設定 (R23): every optional mail, its state and where it goes. */
export function MailSettingsTable({ mailSettings }: { mailSettings: MailSettings }) {
  const captionId = useId();
  const addressOf = (position: 1 | 2) =>
    mailSettings.addresses.find((entry) => entry.position === position)?.address ?? null;
  // The notice's order, whatever order the settings arrive in.
  const settings = optionalMailTypes.flatMap((type) =>
    mailSettings.settings.filter((setting) => setting.type === type),
  );

  return (
    <section className="kk-table-wrap" aria-labelledby={captionId}>
      <table className="kk-table kk-table--fit">
        <caption id={captionId}>メールの配信設定</caption>
        <thead>
          <tr>
            <th scope="col">種類</th>
            <th scope="col">配信設定</th>
            <th scope="col">配信先</th>
          </tr>
        </thead>
        <tbody>
          {settings.map((setting) => {
            const address = addressOf(setting.destination);
            return (
              <tr key={setting.type}>
                <th scope="row">{mailTypeLabels[setting.type] ?? setting.label}</th>
                <td>
                  <span className={setting.enabled ? "kk-badge kk-badge--success" : "kk-badge kk-badge--neutral"}>
                    {setting.enabled ? "配信中" : "配信不要"}
                  </span>
                </td>
                <td>{address ?? <span className="kk-text-muted">未登録</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

import type { MailSettings, OptionalMailType } from "@kakunin/contracts/mail";
import { type Ref, useId } from "react";
import { useT } from "../../../lib/i18n/use-t.ts";
import { mailSettingsCatalog } from "../i18n.ts";
import { addressAt, enabledText, mailLabel, orderedSettings } from "../utils/mail-setting-text.ts";

export interface MailTypeSelection {
  /** The radios' shared name. */
  name: string;
  selected: OptionalMailType | null;
  onSelect: (type: OptionalMailType) => void;
  /** Marks the radios invalid (nothing chosen yet). */
  invalid?: boolean;
  ref?: Ref<HTMLInputElement> | undefined;
}

export interface MailSettingsTableProps {
  mailSettings: MailSettings;
  /** Each row's type becomes a radio named by its label (③「出金認証コード通知メール」を選択). */
  selection?: MailTypeSelection | undefined;
}

/** メールサービス配信設定 (R23): every optional mail, its state and where it goes. */
export function MailSettingsTable({ mailSettings, selection }: MailSettingsTableProps) {
  const { t } = useT(mailSettingsCatalog);
  const captionId = useId();
  const radioId = useId();

  return (
    <section className="kk-table-wrap" aria-labelledby={captionId}>
      <table className="kk-table kk-table--fit kk-table--cards">
        <caption id={captionId}>{t("mailSettings.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("mailSettings.column.type")}</th>
            <th scope="col">{t("mailSettings.column.enabled")}</th>
            <th scope="col">{t("mailSettings.column.destination")}</th>
          </tr>
        </thead>
        <tbody>
          {orderedSettings(mailSettings).map((setting, index) => {
            const address = addressAt(mailSettings, setting.destination);
            const label = mailLabel(setting.type, t);
            const inputId = `${radioId}-${setting.type}`;
            // The first radio takes the ref, so an error can move focus into the group.
            const ref = index === 0 ? selection?.ref : undefined;
            return (
              <tr key={setting.type}>
                <th scope="row">
                  {selection ? (
                    <span className="kk-radio">
                      <input
                        ref={ref}
                        id={inputId}
                        type="radio"
                        className="kk-radio__input"
                        name={selection.name}
                        value={setting.type}
                        checked={selection.selected === setting.type}
                        aria-invalid={selection.invalid ? true : undefined}
                        onChange={() => selection.onSelect(setting.type)}
                      />
                      <label className="kk-radio__label" htmlFor={inputId}>
                        {label}
                      </label>
                    </span>
                  ) : (
                    label
                  )}
                </th>
                <td data-label={t("mailSettings.column.enabled")}>
                  <span className={setting.enabled ? "kk-badge kk-badge--success" : "kk-badge kk-badge--neutral"}>
                    {enabledText(setting.enabled, t)}
                  </span>
                </td>
                <td data-label={t("mailSettings.column.destination")}>
                  {address ?? <span className="kk-text-muted">{t("mailSettings.notRegistered")}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

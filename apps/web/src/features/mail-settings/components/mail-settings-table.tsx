import type { MailSettings, OptionalMailType } from "@kakunin/contracts/mail";
import { type Ref, useId } from "react";
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
  const captionId = useId();
  const radioId = useId();

  return (
    <section className="kk-table-wrap" aria-labelledby={captionId}>
      <table className="kk-table kk-table--fit kk-table--cards">
        <caption id={captionId}>メールの配信設定</caption>
        <thead>
          <tr>
            <th scope="col">種類</th>
            <th scope="col">配信設定</th>
            <th scope="col">配信先</th>
          </tr>
        </thead>
        <tbody>
          {orderedSettings(mailSettings).map((setting, index) => {
            const address = addressAt(mailSettings, setting.destination);
            const label = mailLabel(setting.type) ?? setting.label;
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
                <td data-label="配信設定">
                  <span className={setting.enabled ? "kk-badge kk-badge--success" : "kk-badge kk-badge--neutral"}>
                    {enabledText(setting.enabled)}
                  </span>
                </td>
                <td data-label="配信先">{address ?? <span className="kk-text-muted">未登録</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

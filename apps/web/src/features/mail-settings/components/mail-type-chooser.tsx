import type { MailSettings, OptionalMailType } from "@kakunin/contracts/mail";
import { type FormEvent, useId, useRef, useState } from "react";
import { FormActions } from "../../../components/form-actions.tsx";
import { useT } from "../../../lib/i18n/use-t.ts";
import { mailSettingsCatalog } from "../i18n.ts";
import { MailSettingsTable } from "./mail-settings-table.tsx";

export interface MailTypeChooserProps {
  mailSettings: MailSettings;
  /** The type chosen before (back from a later step). */
  defaultType?: OptionalMailType | null | undefined;
  onChoose: (type: OptionalMailType) => void;
}

/**
 * The settings table with a radio on each row (③ choose the mail), then ④「変更する」.
 * A <fieldset> names the radios as one group; the table shows each row's current state.
 */
export function MailTypeChooser({ mailSettings, defaultType = null, onChoose }: MailTypeChooserProps) {
  const { t } = useT(mailSettingsCatalog);
  const [selected, setSelected] = useState<OptionalMailType | null>(defaultType);
  const [error, setError] = useState(false);
  const firstRadio = useRef<HTMLInputElement>(null);
  const ids = useId();
  const errorId = `${ids}-error`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (selected === null) {
      setError(true);
      firstRadio.current?.focus();
      return;
    }
    onChoose(selected);
  };

  return (
    <form className="kk-form" noValidate onSubmit={submit}>
      <fieldset
        className={error ? "kk-field kk-radio-group kk-field--invalid" : "kk-field kk-radio-group"}
        aria-describedby={error ? errorId : undefined}
      >
        <legend className="kk-field__label kk-radio-group__legend">{t("mailSettings.chooser.legend")}</legend>
        {error && (
          <p className="kk-field__error" id={errorId}>
            {t("mailSettings.chooser.nothingChosen")}
          </p>
        )}
        <MailSettingsTable
          mailSettings={mailSettings}
          selection={{
            name: `${ids}-type`,
            selected,
            invalid: error,
            ref: firstRadio,
            onSelect: (type) => {
              setSelected(type);
              setError(false);
            },
          }}
        />
      </fieldset>
      <FormActions submitLabel={t("mailSettings.chooser.submit")} />
    </form>
  );
}

import type { MailSetting, MailSettingChange, MailSettings, OptionalMailType } from "@kakunin/contracts/mail";
import { StepSection } from "@kakunin/ui/step-section";
import { useState } from "react";
import { useChangeMailSetting } from "../../../features/mail-settings/api/change-mail-setting.ts";
import { useMailSettings } from "../../../features/mail-settings/api/get-mail-settings.ts";
import {
  MailSettingChangeForm,
  type MailSettingFormValues,
  toFormValues,
} from "../../../features/mail-settings/components/mail-setting-change-form.tsx";
import {
  MailSettingChangeSummary,
  MailSettingDetails,
} from "../../../features/mail-settings/components/mail-setting-change-summary.tsx";
import { MailTypeChooser } from "../../../features/mail-settings/components/mail-type-chooser.tsx";
import { mailSettingsCatalog } from "../../../features/mail-settings/i18n.ts";
import { mailLabel, nextTimeMessage, settingOf } from "../../../features/mail-settings/utils/mail-setting-text.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { appCatalog } from "../../i18n.ts";
import { ChangeCompleteActions, RegisteredInfoGate, registeredInfoChange } from "../../registered-info-gate.tsx";
import { accountRoutesCatalog } from "./i18n.ts";

type View =
  /** `returned`: back from a later step, so focus goes to the section's heading. */
  | { view: "view"; returned: boolean }
  | { view: "edit"; type: OptionalMailType; values: MailSettingFormValues | undefined };

interface Context {
  before: MailSetting;
  addresses: MailSettings["addresses"];
}

/** What was saved, as the server answered it (or as sent, should the answer lack it). */
function savedChange(updated: MailSettings, sent: MailSettingChange): MailSettingChange {
  const saved = settingOf(updated, sent.type);
  return saved ? { type: saved.type, enabled: saved.enabled, destination: saved.destination } : sent;
}

/**
 * R23, R24 as in the notice (§3 ③–⑨): choose a mail → 変更する → 配信設定 and 配信先 →
 * 変更確認 → 執行パスワード → 変更する → 「{種類}設定完了」.
 */
function MailSettingsPage() {
  const { t } = useT(appCatalog, accountRoutesCatalog, mailSettingsCatalog);
  const mailSettings = useMailSettings();
  const changeMailSetting = useChangeMailSetting();
  const guarded = useGuarded<MailSettingChange, Context, MailSettings>();
  const [view, setView] = useState<View>({ view: "view", returned: false });
  const [chosen, setChosen] = useState<OptionalMailType | null>(null);
  const backToView = () => {
    guarded.toInput();
    setView({ view: "view", returned: true });
  };

  const renderView = (data: MailSettings) => {
    const setting = view.view === "edit" ? settingOf(data, view.type) : undefined;
    if (view.view === "edit" && setting) {
      return (
        <InputStep title={t("account.mailSettings.editTitle", { mail: mailLabel(setting.type, t) })}>
          <p>{t("account.mailSettings.instruction")}</p>
          <MailSettingChangeForm
            setting={setting}
            addresses={data.addresses}
            defaultValues={view.values}
            onSubmit={(change) => guarded.confirm(change, { before: setting, addresses: data.addresses })}
            onCancel={() => setView({ view: "view", returned: true })}
          />
        </InputStep>
      );
    }
    return (
      <StepSection title={t("account.mailSettings.listTitle")} autoFocus={view.view === "view" && view.returned}>
        <p>{t("account.mailSettings.chooseInstruction")}</p>
        <MailTypeChooser
          mailSettings={data}
          defaultType={chosen}
          onChoose={(type) => {
            setChosen(type);
            setView({ view: "edit", type, values: undefined });
          }}
        />
      </StepSection>
    );
  };

  return (
    <GuardedFlow
      guarded={guarded}
      operation="change_mail_settings"
      confirmation={{
        ...registeredInfoChange,
        summary: (change, { before, addresses }) => (
          <MailSettingChangeSummary before={before} change={change} addresses={addresses} />
        ),
      }}
      execute={changeMailSetting.mutateAsync}
      onCancel={(change) => setView({ view: "edit", type: change.type, values: toFormValues(change) })}
      completion={{
        title: (_updated, change) => t("account.mailSettings.completeTitle", { mail: mailLabel(change.type, t) }),
        children: (updated, sent) => {
          const change = savedChange(updated, sent);
          return (
            <>
              <p>{nextTimeMessage(change, t)}</p>
              <MailSettingDetails setting={change} addresses={updated.addresses} />
              <ChangeCompleteActions backLabel={t("account.mailSettings.backToList")} onBack={backToView} />
            </>
          );
        },
      }}
    >
      <RegisteredInfoGate
        query={mailSettings}
        label={t("screens.mailSettings")}
        subject={t("account.mailSettings.subject")}
      >
        {renderView}
      </RegisteredInfoGate>
    </GuardedFlow>
  );
}

export function route() {
  return { Component: MailSettingsPage };
}

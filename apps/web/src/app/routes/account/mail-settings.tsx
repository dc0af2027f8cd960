import type { MailSetting, MailSettingChange, MailSettings, OptionalMailType } from "@kakunin/contracts/mail";
import { Button } from "@kakunin/ui/button";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete, StepSection } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
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
import { mailLabel, nextTimeMessage, settingOf } from "../../../features/mail-settings/utils/mail-setting-text.ts";
import { ConfirmStep } from "../../../features/step-up/components/confirm-step.tsx";
import { useStepUpFlow } from "../../../lib/step-up.ts";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import { paths, screens } from "../../screens.ts";

type Step =
  /** `returned`: back from a later step, so focus goes to the section's heading. */
  | { step: "view"; returned: boolean }
  | { step: "edit"; type: OptionalMailType; values: MailSettingFormValues | undefined }
  | { step: "confirm"; before: MailSetting; addresses: MailSettings["addresses"] }
  | { step: "complete"; change: MailSettingChange; addresses: MailSettings["addresses"] };

/**
 * R23, R24 as in the notice (§3 ③–⑨): choose a mail → 変更する → 配信設定 and 配信先 →
 * 変更確認 → 執行パスワード → 変更する → 「{種類}設定完了」.
 */
function MailSettingsPage() {
  const mailSettings = useMailSettings();
  const changeMailSetting = useChangeMailSetting();
  const flow = useStepUpFlow<MailSettingChange>();
  const [step, setStep] = useState<Step>({ step: "view", returned: false });
  const [chosen, setChosen] = useState<OptionalMailType | null>(null);

  if (step.step === "complete") {
    const { change, addresses } = step;
    return (
      <div className="kk-stack">
        <StepIndicator current={2} />
        <ChangeComplete title={`${mailLabel(change.type)}設定完了`}>
          <p>{nextTimeMessage(change)}</p>
          <MailSettingDetails setting={change} addresses={addresses} />
          <div className="kk-actions">
            <Button variant="secondary" onClick={() => setStep({ step: "view", returned: true })}>
              配信設定の一覧に戻る
            </Button>
            <Link to={paths.home}>会員トップへ戻る</Link>
          </div>
        </ChangeComplete>
      </div>
    );
  }

  const pending = flow.pending;
  if (step.step === "confirm" && pending) {
    const { before, addresses } = step;
    return (
      <ConfirmStep
        flow={flow}
        pending={pending}
        operation="change_mail_settings"
        title="変更内容の確認"
        instruction="以下の内容に変更します。よろしければ執行パスワードを入力し、「変更する」を押してください。"
        summary={<MailSettingChangeSummary before={before} change={pending.payload} addresses={addresses} />}
        submitLabel="変更する"
        execute={changeMailSetting.mutateAsync}
        onDone={(updated) => {
          const saved = settingOf(updated, pending.payload.type);
          setStep({
            step: "complete",
            change: saved
              ? { type: saved.type, enabled: saved.enabled, destination: saved.destination }
              : pending.payload,
            addresses: updated.addresses,
          });
        }}
        onCancel={() => setStep({ step: "edit", type: pending.payload.type, values: toFormValues(pending.payload) })}
      />
    );
  }

  const renderStep = (data: MailSettings) => {
    const setting = step.step === "edit" ? settingOf(data, step.type) : undefined;
    if (step.step === "edit" && setting) {
      return (
        <div className="kk-stack">
          <StepIndicator current={0} />
          <StepSection title={`${mailLabel(setting.type)}の配信設定`}>
            <p>配信設定と配信先を選択し、「変更確認」を押してください。</p>
            <MailSettingChangeForm
              setting={setting}
              addresses={data.addresses}
              defaultValues={step.values}
              onSubmit={(change) => {
                flow.begin(change);
                setStep({ step: "confirm", before: setting, addresses: data.addresses });
              }}
              onCancel={() => setStep({ step: "view", returned: true })}
            />
          </StepSection>
        </div>
      );
    }
    return (
      <StepSection title="配信設定の一覧" autoFocus={step.step === "view" && step.returned}>
        <p>配信設定を変更するメールを選択し、「変更する」を押してください。</p>
        <MailTypeChooser
          mailSettings={data}
          defaultType={chosen}
          onChoose={(type) => {
            setChosen(type);
            setStep({ step: "edit", type, values: undefined });
          }}
        />
      </StepSection>
    );
  };

  return (
    <RegisteredInfoGate query={mailSettings} label={screens.mailSettings.title} subject="メールの配信設定">
      {renderStep}
    </RegisteredInfoGate>
  );
}

export function route() {
  return {
    Component: MailSettingsPage,
  };
}

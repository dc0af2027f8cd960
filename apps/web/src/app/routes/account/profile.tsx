import type { Profile, ProfileChange, ProfileChangeInput } from "@kakunin/contracts/registered-info";
import { Button } from "@kakunin/ui/button";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete, StepSection } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
import { useChangeProfile } from "../../../features/registered-info/api/change-profile.ts";
import { useProfile } from "../../../features/registered-info/api/get-profile.ts";
import { ProfileChangeForm } from "../../../features/registered-info/components/profile-change-form.tsx";
import { ProfileChangeSummary } from "../../../features/registered-info/components/profile-change-summary.tsx";
import { ProfileDetails } from "../../../features/registered-info/components/profile-details.tsx";
import { ConfirmStep } from "../../../features/step-up/components/confirm-step.tsx";
import { useStepUpFlow } from "../../../lib/step-up.ts";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import { paths, screens } from "../../screens.ts";

type Step =
  /** `returned`: back from a later step, so focus goes to the section's heading. */
  | { step: "view"; returned: boolean }
  | { step: "edit"; values: ProfileChangeInput | undefined }
  | { step: "confirm"; before: Profile }
  | { step: "complete" };

function editableValues(profile: Profile): ProfileChange {
  return { postalCode: profile.postalCode, address: profile.address, phone: profile.phone };
}

function ProfilePage() {
  const profile = useProfile();
  const changeProfile = useChangeProfile();
  const flow = useStepUpFlow<ProfileChange>();
  const [step, setStep] = useState<Step>({ step: "view", returned: false });

  if (step.step === "complete") {
    return (
      <div className="kk-stack">
        <StepIndicator current={2} />
        <ChangeComplete title="口座情報の変更が完了しました">
          <p>口座情報変更完了通知メールを配信中に設定されている場合は、お知らせのメールをお送りしました。</p>
          <div className="kk-actions">
            <Button variant="secondary" onClick={() => setStep({ step: "view", returned: true })}>
              登録内容に戻る
            </Button>
            <Link to={paths.home}>会員トップへ戻る</Link>
          </div>
        </ChangeComplete>
      </div>
    );
  }

  const pending = flow.pending;
  if (step.step === "confirm" && pending) {
    return (
      <ConfirmStep
        flow={flow}
        pending={pending}
        operation="change_profile"
        title="変更内容の確認"
        instruction="以下の内容に変更します。よろしければ執行パスワードを入力し、「変更する」を押してください。"
        summary={<ProfileChangeSummary before={step.before} after={pending.payload} />}
        submitLabel="変更する"
        execute={changeProfile.mutateAsync}
        onDone={() => setStep({ step: "complete" })}
        onCancel={() => setStep({ step: "edit", values: pending.payload })}
      />
    );
  }

  return (
    <RegisteredInfoGate query={profile} label={screens.profile.title} subject="口座情報">
      {(data) =>
        step.step === "edit" ? (
          <div className="kk-stack">
            <StepIndicator current={0} />
            <StepSection title="口座情報の変更">
              <p>変更する項目を入力し、「変更確認」を押してください。</p>
              <ProfileChangeForm
                current={editableValues(data)}
                defaultValues={step.values ?? editableValues(data)}
                onSubmit={(change) => {
                  flow.begin(change);
                  setStep({ step: "confirm", before: data });
                }}
                onCancel={() => setStep({ step: "view", returned: true })}
              />
            </StepSection>
          </div>
        ) : (
          <StepSection title="登録内容" autoFocus={step.step === "view" && step.returned}>
            <ProfileDetails profile={data} />
            <div className="kk-actions">
              <Button onClick={() => setStep({ step: "edit", values: undefined })}>変更する</Button>
              <span className="kk-text-sm kk-text-muted">郵便番号・住所・電話番号を変更できます。</span>
            </div>
          </StepSection>
        )
      }
    </RegisteredInfoGate>
  );
}

export function route() {
  return {
    Component: ProfilePage,
  };
}

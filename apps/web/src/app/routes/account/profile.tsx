import type {
  Profile,
  ProfileChange,
  ProfileChangeInput,
  ProfileChangeReceipt,
} from "@kakunin/contracts/registered-info";
import { Button } from "@kakunin/ui/button";
import { StepSection } from "@kakunin/ui/step-section";
import { useState } from "react";
import { MailNotificationNote } from "../../../components/mail-notification-note.tsx";
import { useChangeProfile } from "../../../features/registered-info/api/change-profile.ts";
import { useProfile } from "../../../features/registered-info/api/get-profile.ts";
import { ProfileChangeForm } from "../../../features/registered-info/components/profile-change-form.tsx";
import { ProfileChangeSummary } from "../../../features/registered-info/components/profile-change-summary.tsx";
import { ProfileDetails } from "../../../features/registered-info/components/profile-details.tsx";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { ChangeCompleteActions, RegisteredInfoGate, registeredInfoChange } from "../../registered-info-gate.tsx";
import { screens } from "../../screens.ts";

type View =
  /** `returned`: back from a later step, so focus goes to the section's heading. */
  { view: "view"; returned: boolean } | { view: "edit"; values: ProfileChangeInput | undefined };

function editableValues(profile: Profile): ProfileChange {
  return { postalCode: profile.postalCode, address: profile.address, phone: profile.phone };
}

function ProfilePage() {
  const profile = useProfile();
  const changeProfile = useChangeProfile();
  const guarded = useGuarded<ProfileChange, Profile, ProfileChangeReceipt>();
  const [view, setView] = useState<View>({ view: "view", returned: false });
  const backToView = () => {
    guarded.toInput();
    setView({ view: "view", returned: true });
  };

  return (
    <GuardedFlow
      guarded={guarded}
      operation="change_profile"
      confirmation={{
        ...registeredInfoChange,
        summary: (change, before) => <ProfileChangeSummary before={before} after={change} />,
      }}
      execute={changeProfile.mutateAsync}
      onCancel={(change) => setView({ view: "edit", values: change })}
      completion={{
        title: "口座情報の変更が完了しました",
        children: (receipt) => (
          <>
            <MailNotificationNote label="口座情報変更完了通知メール" sentTo={receipt.notificationSentTo} />
            <ChangeCompleteActions backLabel="登録内容に戻る" onBack={backToView} />
          </>
        ),
      }}
    >
      <RegisteredInfoGate query={profile} label={screens.profile.title} subject="口座情報">
        {(data) =>
          view.view === "edit" ? (
            <InputStep title="口座情報の変更">
              <p>変更する項目を入力し、「変更確認」を押してください。</p>
              <ProfileChangeForm
                current={editableValues(data)}
                defaultValues={view.values ?? editableValues(data)}
                onSubmit={(change) => guarded.confirm(change, data)}
                onCancel={() => setView({ view: "view", returned: true })}
              />
            </InputStep>
          ) : (
            <StepSection title="登録内容" autoFocus={view.returned}>
              <ProfileDetails profile={data} />
              <div className="kk-actions">
                <Button onClick={() => setView({ view: "edit", values: undefined })}>変更する</Button>
                <span className="kk-text-sm kk-text-muted">郵便番号・住所・電話番号を変更できます。</span>
              </div>
            </StepSection>
          )
        }
      </RegisteredInfoGate>
    </GuardedFlow>
  );
}

export function route() {
  return { Component: ProfilePage };
}

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
import { useT } from "../../../lib/i18n/use-t.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { appCatalog } from "../../i18n.ts";
import { ChangeCompleteActions, RegisteredInfoGate, registeredInfoChange } from "../../registered-info-gate.tsx";
import { accountRoutesCatalog } from "./i18n.ts";

type View =
  /** `returned`: back from a later step, so focus goes to the section's heading. */
  { view: "view"; returned: boolean } | { view: "edit"; values: ProfileChangeInput | undefined };

function editableValues(profile: Profile): ProfileChange {
  return { postalCode: profile.postalCode, address: profile.address, phone: profile.phone };
}

function ProfilePage() {
  const { t } = useT(appCatalog, accountRoutesCatalog);
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
        title: t("account.profile.completeTitle"),
        children: (receipt) => (
          <>
            <MailNotificationNote label={t("account.profile.mail")} sentTo={receipt.notificationSentTo} />
            <ChangeCompleteActions backLabel={t("account.backToRegisteredDetails")} onBack={backToView} />
          </>
        ),
      }}
    >
      <RegisteredInfoGate query={profile} label={t("screens.profile")} subject={t("account.profile.subject")}>
        {(data) =>
          view.view === "edit" ? (
            <InputStep title={t("account.profile.editTitle")}>
              <p>{t("account.profile.instruction")}</p>
              <ProfileChangeForm
                current={editableValues(data)}
                defaultValues={view.values ?? editableValues(data)}
                onSubmit={(change) => guarded.confirm(change, data)}
                onCancel={() => setView({ view: "view", returned: true })}
              />
            </InputStep>
          ) : (
            <StepSection title={t("account.registeredDetails")} autoFocus={view.returned}>
              <ProfileDetails profile={data} />
              <div className="kk-actions">
                <Button onClick={() => setView({ view: "edit", values: undefined })}>{t("account.change")}</Button>
                <span className="kk-text-sm kk-text-muted">{t("account.profile.changeable")}</span>
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

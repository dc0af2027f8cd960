import type { EmailChange, RegisteredEmails } from "@kakunin/contracts/registered-info";
import { StepSection } from "@kakunin/ui/step-section";
import { useState } from "react";
import { useChangeRegisteredEmail } from "../../../features/registered-info/api/change-registered-email.ts";
import { useRegisteredEmails } from "../../../features/registered-info/api/get-registered-emails.ts";
import { EmailChangeForm } from "../../../features/registered-info/components/email-change-form.tsx";
import { EmailChangeSummary } from "../../../features/registered-info/components/email-change-summary.tsx";
import {
  addressAt,
  type EmailPosition,
  RegisteredEmailList,
} from "../../../features/registered-info/components/registered-email-list.tsx";
import { useT } from "../../../lib/i18n/use-t.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { appCatalog } from "../../i18n.ts";
import { ChangeCompleteActions, RegisteredInfoGate, registeredInfoChange } from "../../registered-info-gate.tsx";
import { accountRoutesCatalog } from "./i18n.ts";

type View =
  /** `returned`: back from a later step, so focus goes to the section's heading. */
  { view: "view"; returned: boolean } | { view: "edit"; position: EmailPosition; address: string | undefined };

function EmailsPage() {
  const { t } = useT(appCatalog, accountRoutesCatalog);
  const emails = useRegisteredEmails();
  const changeEmail = useChangeRegisteredEmail();
  /** The context is the address before the change (null: the slot was empty). */
  const guarded = useGuarded<EmailChange, string | null, RegisteredEmails>();
  const [view, setView] = useState<View>({ view: "view", returned: false });
  const backToView = () => {
    guarded.toInput();
    setView({ view: "view", returned: true });
  };

  const renderView = (data: RegisteredEmails) => {
    if (view.view === "edit") {
      const current = addressAt(data, view.position);
      return (
        <InputStep title={t("account.emails.editTitle", { position: view.position })}>
          <p>{t("account.emails.instruction")}</p>
          <EmailChangeForm
            position={view.position}
            current={current}
            defaultAddress={view.address}
            onSubmit={(change) => guarded.confirm(change, current)}
            onCancel={() => setView({ view: "view", returned: true })}
          />
        </InputStep>
      );
    }
    return (
      <StepSection title={t("account.registeredDetails")} autoFocus={view.returned}>
        <p>{t("account.emails.intro")}</p>
        <RegisteredEmailList
          emails={data}
          onChange={(position) => setView({ view: "edit", position, address: undefined })}
        />
      </StepSection>
    );
  };

  return (
    <GuardedFlow
      guarded={guarded}
      operation="change_email"
      confirmation={{
        ...registeredInfoChange,
        summary: (change, before) => <EmailChangeSummary change={change} before={before} />,
      }}
      execute={changeEmail.mutateAsync}
      onCancel={(change) => setView({ view: "edit", position: change.position, address: change.address })}
      completion={{
        title: t("account.emails.completeTitle"),
        children: (_emails, _change, before) => (
          <>
            <p>{before ? t("account.emails.noticeSentToBoth") : t("account.emails.noticeSentToNew")}</p>
            <ChangeCompleteActions backLabel={t("account.backToRegisteredDetails")} onBack={backToView} />
          </>
        ),
      }}
    >
      <RegisteredInfoGate query={emails} label={t("screens.emails")} subject={t("account.emails.subject")}>
        {renderView}
      </RegisteredInfoGate>
    </GuardedFlow>
  );
}

export function route() {
  return { Component: EmailsPage };
}

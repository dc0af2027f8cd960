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
  emailSlotLabel,
  RegisteredEmailList,
} from "../../../features/registered-info/components/registered-email-list.tsx";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { ChangeCompleteActions, RegisteredInfoGate, registeredInfoChange } from "../../registered-info-gate.tsx";
import { screens } from "../../screens.ts";

type View =
  /** `returned`: back from a later step, so focus goes to the section's heading. */
  { view: "view"; returned: boolean } | { view: "edit"; position: EmailPosition; address: string | undefined };

function EmailsPage() {
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
        <InputStep title={`${emailSlotLabel(view.position)}の変更`}>
          <p>新しいメールアドレスを入力し、「変更確認」を押してください。</p>
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
      <StepSection title="登録内容" autoFocus={view.returned}>
        <p>お取引や各種お知らせのメールは、ここに登録したメールアドレス（2件まで）にお送りします。</p>
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
        title: "メールアドレスの変更が完了しました",
        children: (_emails, _change, before) => (
          <>
            <p>
              {before
                ? "変更前と変更後のメールアドレスにお知らせを送信しました。"
                : "登録したメールアドレスにお知らせを送信しました。"}
            </p>
            <ChangeCompleteActions backLabel="登録内容に戻る" onBack={backToView} />
          </>
        ),
      }}
    >
      <RegisteredInfoGate query={emails} label={screens.emails.title} subject="メールアドレス">
        {renderView}
      </RegisteredInfoGate>
    </GuardedFlow>
  );
}

export function route() {
  return { Component: EmailsPage };
}

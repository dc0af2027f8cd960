import type { EmailChange, RegisteredEmails } from "@kakunin/contracts/registered-info";
import { Button } from "@kakunin/ui/button";
import { StepSection } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
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
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import { paths, screens } from "../../screens.ts";

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
        title: "変更内容の確認",
        instruction: "以下の内容に変更します。よろしければ執行パスワードを入力し、「変更する」を押してください。",
        summary: (change, before) => <EmailChangeSummary change={change} before={before} />,
        submitLabel: "変更する",
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
            <div className="kk-actions">
              <Button variant="secondary" onClick={backToView}>
                登録内容に戻る
              </Button>
              <Link to={paths.home}>会員トップへ戻る</Link>
            </div>
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

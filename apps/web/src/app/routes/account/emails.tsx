import type { EmailChange, RegisteredEmails } from "@kakunin/contracts/registered-info";
import { Button } from "@kakunin/ui/button";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete, StepSection } from "@kakunin/ui/step-section";
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
import { ConfirmStep } from "../../../features/step-up/components/confirm-step.tsx";
import { useStepUpFlow } from "../../../lib/step-up.ts";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import { paths, screens } from "../../screens.ts";

type Step =
  /** `returned`: back from a later step, so focus goes to the section's heading. */
  | { step: "view"; returned: boolean }
  | { step: "edit"; position: EmailPosition; address: string | undefined }
  | { step: "confirm"; before: string | null }
  | { step: "complete"; before: string | null };

function EmailsPage() {
  const emails = useRegisteredEmails();
  const changeEmail = useChangeRegisteredEmail();
  const flow = useStepUpFlow<EmailChange>();
  const [step, setStep] = useState<Step>({ step: "view", returned: false });

  if (step.step === "complete") {
    return (
      <div className="kk-stack">
        <StepIndicator current={2} />
        <ChangeComplete title="メールアドレスの変更が完了しました">
          <p>
            {step.before
              ? "変更前と変更後のメールアドレスにお知らせを送信しました。"
              : "登録したメールアドレスにお知らせを送信しました。"}
          </p>
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
    const { before } = step;
    return (
      <ConfirmStep
        flow={flow}
        pending={pending}
        operation="change_email"
        title="変更内容の確認"
        instruction="以下の内容に変更します。よろしければ執行パスワードを入力し、「変更する」を押してください。"
        summary={<EmailChangeSummary change={pending.payload} before={before} />}
        submitLabel="変更する"
        execute={changeEmail.mutateAsync}
        onDone={() => setStep({ step: "complete", before })}
        onCancel={() => setStep({ step: "edit", position: pending.payload.position, address: pending.payload.address })}
      />
    );
  }

  const renderStep = (data: RegisteredEmails) => {
    if (step.step === "edit") {
      const current = addressAt(data, step.position);
      return (
        <div className="kk-stack">
          <StepIndicator current={0} />
          <StepSection title={`${emailSlotLabel(step.position)}の変更`}>
            <p>新しいメールアドレスを入力し、「変更確認」を押してください。</p>
            <EmailChangeForm
              position={step.position}
              current={current}
              defaultAddress={step.address}
              onSubmit={(change) => {
                flow.begin(change);
                setStep({ step: "confirm", before: current });
              }}
              onCancel={() => setStep({ step: "view", returned: true })}
            />
          </StepSection>
        </div>
      );
    }
    return (
      <StepSection title="登録内容" autoFocus={step.step === "view" && step.returned}>
        <p>お取引や各種お知らせのメールは、ここに登録したメールアドレス（2件まで）にお送りします。</p>
        <RegisteredEmailList
          emails={data}
          onChange={(position) => setStep({ step: "edit", position, address: undefined })}
        />
      </StepSection>
    );
  };

  return (
    <RegisteredInfoGate query={emails} label={screens.emails.title} subject="メールアドレス">
      {renderStep}
    </RegisteredInfoGate>
  );
}

export function route() {
  return {
    Component: EmailsPage,
  };
}

import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
import { LoginPasswordForm } from "../../../features/credentials/components/login-password-form.tsx";
import { paths } from "../../screens.ts";

const steps = ["入力", "完了"] as const;

function LoginPasswordPage() {
  const [complete, setComplete] = useState(false);

  if (complete) {
    return (
      <div className="kk-stack">
        <StepIndicator steps={steps} current={1} />
        <ChangeComplete title="ログインパスワードの変更が完了しました">
          <p>他の端末でのログインはすべて終了しました。</p>
          <p>次回のログインから、新しいログインパスワードをご利用ください。</p>
          <p>
            <Link to={paths.home}>会員トップへ戻る</Link>
          </p>
        </ChangeComplete>
      </div>
    );
  }
  return (
    <div className="kk-stack">
      <StepIndicator steps={steps} current={0} />
      <p>現在のログインパスワードと新しいログインパスワードを入力し、「変更する」を押してください。</p>
      <LoginPasswordForm onSuccess={() => setComplete(true)} />
    </div>
  );
}

export function route() {
  return {
    Component: LoginPasswordPage,
  };
}

import { Button } from "@kakunin/ui/button";
import { PageLayout } from "@kakunin/ui/page-layout";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
import { PasswordResetCompleteForm } from "../../features/password-reset/components/password-reset-complete-form.tsx";
import { PasswordResetStartForm } from "../../features/password-reset/components/password-reset-start-form.tsx";
import { paths } from "../screens.ts";

const steps = ["本人確認", "認証コード", "新しいパスワード", "完了"] as const;
type Step = "start" | "code" | "password" | "done";
const stepIndex: Record<Step, number> = { start: 0, code: 1, password: 2, done: 3 };

/**
 * ログインパスワードをお忘れの方 (decision 015): お客様コード + 生年月日 → the mailed 認証コード →
 * the new ログインパスワード → done. The screen never says whether the customer matched: the
 * code goes out only if they did, and step 2 reads the same either way.
 */
function PasswordResetPage() {
  const [step, setStep] = useState<Step>("start");
  return (
    <PageLayout title="ログインパスワードの再設定">
      <div className="kk-card kk-card--narrow kk-stack">
        <StepIndicator steps={steps} current={stepIndex[step]} />
        {step === "start" && (
          <>
            <p>
              お客様コードと生年月日を入力してください。ご登録内容と一致した場合、ご登録のメールアドレスに認証コードをお送りします。
            </p>
            <PasswordResetStartForm onSuccess={() => setStep("code")} />
            <p>
              <Link to={paths.login}>ログインへ戻る</Link>
            </p>
          </>
        )}
        {(step === "code" || step === "password") && (
          <>
            {step === "code" ? (
              <p>
                ご登録のメールアドレスに認証コードをお送りしました。メールに記載の6桁の認証コードを入力してください。認証コードの有効期限は10分です。
                メールが届かない場合は、お客様コードと生年月日をご確認のうえ、最初からやり直してください。
              </p>
            ) : (
              <p>新しいログインパスワードを入力し、「再設定する」を押してください。</p>
            )}
            <PasswordResetCompleteForm step={step} onStepChange={setStep} onSuccess={() => setStep("done")} />
            {step === "code" && (
              <Button variant="secondary" block onClick={() => setStep("start")}>
                最初からやり直す
              </Button>
            )}
          </>
        )}
        {step === "done" && (
          <ChangeComplete title="ログインパスワードの再設定が完了しました">
            <p>安全のため、ログイン中のすべての端末をログアウトしました。</p>
            <p>新しいログインパスワードでログインしてください。</p>
            <p>
              <Link to={paths.login}>ログインへ</Link>
            </p>
          </ChangeComplete>
        )}
      </div>
    </PageLayout>
  );
}

export function route() {
  return { Component: PasswordResetPage };
}

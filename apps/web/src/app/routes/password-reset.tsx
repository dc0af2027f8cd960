import { Button } from "@kakunin/ui/button";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
import { PasswordResetCompleteForm } from "../../features/password-reset/components/password-reset-complete-form.tsx";
import { PasswordResetStartForm } from "../../features/password-reset/components/password-reset-start-form.tsx";
import { useT } from "../../lib/i18n/use-t.ts";
import { appCatalog } from "../i18n.ts";
import { AppPageLayout } from "../page-layout.tsx";
import { paths } from "../screen-routes.ts";
import { routesCatalog } from "./i18n.ts";

const stepIds = [
  "passwordReset.steps.identity",
  "passwordReset.steps.code",
  "passwordReset.steps.password",
  "passwordReset.steps.complete",
] as const;
type Step = "start" | "code" | "password" | "done";
const stepIndex: Record<Step, number> = { start: 0, code: 1, password: 2, done: 3 };

/**
 * ログインパスワードをお忘れの方 (decision 015): お客様コード + 生年月日 → the mailed 認証コード →
 * the new ログインパスワード → done. The screen never says whether the customer matched: the
 * code goes out only if they did, and step 2 reads the same either way.
 */
function PasswordResetPage() {
  const { t } = useT(appCatalog, routesCatalog);
  const [step, setStep] = useState<Step>("start");
  return (
    <AppPageLayout title={t("screens.passwordReset")}>
      <div className="kk-card kk-card--narrow kk-stack">
        <StepIndicator steps={stepIds.map((id) => t(id))} current={stepIndex[step]} />
        {step === "start" && (
          <>
            <p>{t("passwordReset.start")}</p>
            <PasswordResetStartForm onSuccess={() => setStep("code")} />
            <p>
              <Link to={paths.login}>{t("passwordReset.backToLogin")}</Link>
            </p>
          </>
        )}
        {(step === "code" || step === "password") && (
          <>
            {step === "code" ? <p>{t("passwordReset.code")}</p> : <p>{t("passwordReset.password")}</p>}
            <PasswordResetCompleteForm step={step} onStepChange={setStep} onSuccess={() => setStep("done")} />
            {step === "code" && (
              <Button variant="secondary" block onClick={() => setStep("start")}>
                {t("passwordReset.restart")}
              </Button>
            )}
          </>
        )}
        {step === "done" && (
          <ChangeComplete title={t("passwordReset.done.title")}>
            <p>{t("passwordReset.done.loggedOut")}</p>
            <p>{t("passwordReset.done.logIn")}</p>
            <p>
              <Link to={paths.login}>{t("passwordReset.done.toLogin")}</Link>
            </p>
          </ChangeComplete>
        )}
      </div>
    </AppPageLayout>
  );
}

export function route() {
  return { Component: PasswordResetPage };
}

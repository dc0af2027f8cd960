import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
import { LoginPasswordForm } from "../../../features/credentials/components/login-password-form.tsx";
import { useT } from "../../../lib/i18n/use-t.ts";
import { paths } from "../../screens.ts";
import { accountRoutesCatalog } from "./i18n.ts";

function LoginPasswordPage() {
  const { t } = useT(accountRoutesCatalog);
  const [complete, setComplete] = useState(false);
  const steps = [t("account.steps.input"), t("account.steps.complete")];

  if (complete) {
    return (
      <div className="kk-stack">
        <StepIndicator steps={steps} current={1} />
        <ChangeComplete title={t("account.loginPassword.completeTitle")}>
          <p>{t("account.loginPassword.othersLoggedOut")}</p>
          <p>{t("account.loginPassword.useNewPassword")}</p>
          <p>
            <Link to={paths.home}>{t("account.backToHome")}</Link>
          </p>
        </ChangeComplete>
      </div>
    );
  }
  return (
    <div className="kk-stack">
      <StepIndicator steps={steps} current={0} />
      <p>{t("account.loginPassword.instruction")}</p>
      <LoginPasswordForm onSuccess={() => setComplete(true)} />
    </div>
  );
}

export function route() {
  return {
    Component: LoginPasswordPage,
  };
}

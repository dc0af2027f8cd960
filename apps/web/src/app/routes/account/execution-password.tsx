import type { SupportContact } from "@kakunin/contracts/credentials";
import { PAGE_TITLE_ID } from "@kakunin/ui/page-layout";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete } from "@kakunin/ui/step-section";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { credentialsQueryOptions, useCredentials } from "../../../features/credentials/api/get-credentials.ts";
import { AccountLockedAlert } from "../../../features/credentials/components/account-locked-alert.tsx";
import { ExecutionPasswordForm } from "../../../features/credentials/components/execution-password-form.tsx";
import { noticesQueryOptions } from "../../../features/notices/api/get-notices.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { paths } from "../../screens.ts";
import { accountRoutesCatalog } from "./i18n.ts";

// The notice's flow has no confirmation screen: 変更する changes the password at once.
const stepsIn = (t: Translate) => [t("account.steps.input"), t("account.steps.complete")];

type View = { step: "input" } | { step: "complete" } | { step: "locked"; message: string };

function BackToMemberTop() {
  const { t } = useT(accountRoutesCatalog);
  return (
    <p>
      <Link to={paths.home}>{t("account.backToHome")}</Link>
    </p>
  );
}

function LockedView({ message, contact }: { message?: string | undefined; contact?: SupportContact | undefined }) {
  // The form (and the focused button) may just have disappeared: start reading from the title.
  useEffect(() => {
    document.getElementById(PAGE_TITLE_ID)?.focus();
  }, []);
  return (
    <div className="kk-stack">
      <AccountLockedAlert message={message} contact={contact} />
      <BackToMemberTop />
    </div>
  );
}

function ExecutionPasswordPage() {
  const { t } = useT(accountRoutesCatalog);
  const queryClient = useQueryClient();
  const credentials = useCredentials();
  const [view, setView] = useState<View>({ step: "input" });

  if (view.step === "complete") {
    return (
      <div className="kk-stack">
        <StepIndicator steps={stepsIn(t)} current={1} />
        <ChangeComplete title={t("account.executionPassword.completeTitle")}>
          <p>{t("account.executionPassword.useNewPassword")}</p>
          <BackToMemberTop />
        </ChangeComplete>
      </div>
    );
  }
  if (view.step === "locked") return <LockedView message={view.message} />;
  if (credentials.data?.executionPassword.locked) return <LockedView contact={credentials.data.supportContact} />;

  return (
    <div className="kk-stack">
      <StepIndicator steps={stepsIn(t)} current={0} />
      <p>{t("account.executionPassword.instruction")}</p>
      <ExecutionPasswordForm
        remainingAttempts={credentials.data?.executionPassword.remainingAttempts}
        onSuccess={() => {
          // The initial password's notice is gone once changed: drop the cached copy (会員トップ
          // refetches it) so the old password never shows again.
          void queryClient.resetQueries({ queryKey: noticesQueryOptions().queryKey });
          setView({ step: "complete" });
        }}
        onLocked={(message) => setView({ step: "locked", message })}
      />
    </div>
  );
}

export function route(queryClient: QueryClient) {
  return {
    // Known before the page shows: a locked account never sees the form. An outage here
    // shows the page's error panel with 再試行.
    loader: async () => {
      await queryClient.ensureQueryData(credentialsQueryOptions());
      return null;
    },
    Component: ExecutionPasswordPage,
  };
}

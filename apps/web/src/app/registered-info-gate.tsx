import { Button } from "@kakunin/ui/button";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { StepUpViewGate } from "../features/step-up/components/step-up-view-gate.tsx";
import type { StepUpDemand } from "../lib/api-client.ts";
import { translate, useT } from "../lib/i18n/use-t.ts";
import { appCatalog } from "./i18n.ts";
import { paths } from "./screen-routes.ts";

function Intro({ requirement }: { requirement: StepUpDemand }) {
  const { t } = useT(appCatalog);
  const minutes = Math.floor(requirement.maxAgeSeconds / 60);
  return (
    <div>
      {requirement.methods.includes("execution_password") ? (
        <>
          <p>{t("app.registeredInfo.executionPassword")}</p>
          {requirement.methods.includes("auth_code") && <p>{t("app.registeredInfo.authCodeToo")}</p>}
        </>
      ) : (
        <p>{t("app.registeredInfo.authCodeOnly")}</p>
      )}
      {minutes > 0 && <p className="kk-text-sm kk-text-muted">{t("app.registeredInfo.window", { minutes })}</p>}
    </div>
  );
}

export interface RegisteredInfoGateProps<T> {
  query: UseQueryResult<T>;
  /** The screen's menu label (its title, `screens.<key>`), shown as 照会内容. */
  label: string;
  /** e.g. 口座情報 (→ 口座情報を読み込んでいます…); in English lower-case, as QueryStatus reads it. */
  subject: string;
  children: (data: T) => ReactNode;
}

/**
 * The four 登録情報 screens (R20, R21): the view_registered_info step-up before anything
 * shows; one confirmation opens all four for its window.
 */
export function RegisteredInfoGate<T>({ query, label, subject, children }: RegisteredInfoGateProps<T>) {
  const { t } = useT(appCatalog);
  return (
    <StepUpViewGate
      query={query}
      operation="view_registered_info"
      intro={(requirement) => <Intro requirement={requirement} />}
      summary={<p>{t("app.registeredInfo.summary", { label })}</p>}
      submitLabel={t("app.registeredInfo.submit")}
      what={subject}
    >
      {children}
    </StepUpViewGate>
  );
}

/**
 * The changes of 登録情報 (口座情報, メールアドレス, 配信設定) are confirmed alike (R22, R24).
 * Spread into GuardedFlow's `confirmation` while rendering: each word is read in the page's
 * language when it is taken.
 */
export const registeredInfoChange = {
  get title() {
    return translate("app.registeredInfo.changeTitle");
  },
  get instruction() {
    return translate("app.registeredInfo.changeInstruction");
  },
  get submitLabel() {
    return translate("app.registeredInfo.changeSubmit");
  },
};

/** A 登録情報 change's completion: back to what the screen shows (e.g. 登録内容), or 会員トップ. */
export function ChangeCompleteActions({ backLabel, onBack }: { backLabel: string; onBack: () => void }) {
  const { t } = useT(appCatalog);
  return (
    <div className="kk-actions">
      <Button variant="secondary" onClick={onBack}>
        {backLabel}
      </Button>
      <Link to={paths.home}>{t("app.backToHome")}</Link>
    </div>
  );
}

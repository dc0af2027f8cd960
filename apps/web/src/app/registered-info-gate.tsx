import { Button } from "@kakunin/ui/button";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { StepUpViewGate } from "../features/step-up/components/step-up-view-gate.tsx";
import type { StepUpDemand } from "../lib/api-client.ts";
import { paths } from "./screens.ts";

function Intro({ requirement }: { requirement: StepUpDemand }) {
  const minutes = Math.floor(requirement.maxAgeSeconds / 60);
  return (
    <div>
      {requirement.methods.includes("execution_password") ? (
        <>
          <p>登録情報を表示するには、執行パスワードを入力してください。</p>
          {requirement.methods.includes("auth_code") && (
            <p>お客様のご設定により、メールでお送りする認証コードの入力も必要です。</p>
          )}
        </>
      ) : (
        <p>登録情報を表示するには、メールでお送りする認証コードを入力してください。</p>
      )}
      {minutes > 0 && (
        <p className="kk-text-sm kk-text-muted">入力後{minutes}分間は、登録情報の各画面を続けて表示できます。</p>
      )}
    </div>
  );
}

export interface RegisteredInfoGateProps<T> {
  query: UseQueryResult<T>;
  /** The screen's menu label, shown as 照会内容. */
  label: string;
  /** e.g. 口座情報 (→ 口座情報を読み込んでいます…). */
  subject: string;
  children: (data: T) => ReactNode;
}

/**
 * The four 登録情報 screens (R20, R21): the view_registered_info step-up before anything
 * shows; one confirmation opens all four for its window.
 */
export function RegisteredInfoGate<T>({ query, label, subject, children }: RegisteredInfoGateProps<T>) {
  return (
    <StepUpViewGate
      query={query}
      operation="view_registered_info"
      intro={(requirement) => <Intro requirement={requirement} />}
      summary={<p>照会内容: {label}</p>}
      submitLabel="表示する"
      what={subject}
    >
      {children}
    </StepUpViewGate>
  );
}

/** The changes of 登録情報 (口座情報, メールアドレス, 配信設定) are confirmed alike (R22, R24). */
export const registeredInfoChange = {
  title: "変更内容の確認",
  instruction: "以下の内容に変更します。",
  submitLabel: "変更する",
} as const;

/** A 登録情報 change's completion: back to what the screen shows (e.g. 登録内容), or 会員トップ. */
export function ChangeCompleteActions({ backLabel, onBack }: { backLabel: string; onBack: () => void }) {
  return (
    <div className="kk-actions">
      <Button variant="secondary" onClick={onBack}>
        {backLabel}
      </Button>
      <Link to={paths.home}>会員トップへ戻る</Link>
    </div>
  );
}

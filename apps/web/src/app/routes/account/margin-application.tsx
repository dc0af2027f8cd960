import type { MarginAccountApplication, MarginAccountApplicationView } from "@kakunin/contracts/margin-accounts";
import type { AccountOpening } from "@kakunin/contracts/registered-info";
import { Alert } from "@kakunin/ui/alert";
import { useState } from "react";
import { Link } from "react-router";
import { ExecutionPasswordLockNotice } from "../../../features/credentials/components/execution-password-lock-notice.tsx";
import { useApplyMarginAccount } from "../../../features/margin-accounts/api/apply-margin-account.ts";
import {
  MarginAccountApplicationForm,
  type MarginAccountApplicationFormValues,
} from "../../../features/margin-accounts/components/margin-account-application-form.tsx";
import { MarginAccountApplicationSummary } from "../../../features/margin-accounts/components/margin-account-application-summary.tsx";
import {
  accountOpeningsQueryOptions,
  useAccountOpenings,
} from "../../../features/registered-info/api/get-account-openings.ts";
import { formatCalendarDate } from "../../../lib/format.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import { paths, screens } from "../../screens.ts";

/** Only a 信用取引口座 that is 未開設 can be applied for; the others say where it stands. */
function NotApplicable({ margin }: { margin: AccountOpening }) {
  if (margin.status === "審査中") {
    return (
      <Alert variant="info">
        <p>信用取引口座開設のお申し込みは審査中です。審査結果はメールでお知らせします。</p>
        {margin.appliedOn && <p>お申込日: {formatCalendarDate(margin.appliedOn)}</p>}
      </Alert>
    );
  }
  return (
    <Alert variant="info">
      <p>信用取引口座は開設済みです。株式注文で信用取引をご利用いただけます。</p>
      <p>
        <Link to={paths.tradeStock}>株式注文へ</Link>
      </p>
    </Alert>
  );
}

/**
 * 信用取引口座開設 (R41): 投資経験, 年収, 金融資産 and the 約諾書 → 申込内容の確認 → 執行パスワード →
 * 申し込む. The account is 審査中 until the broker decides, which is mailed either way. The
 * 口座開設状況 read (behind the 登録情報 window, open when the customer came from there) says
 * whether there is anything to apply for.
 */
function MarginApplicationPage() {
  const openings = useAccountOpenings();
  const apply = useApplyMarginAccount({ accountOpeningsKey: accountOpeningsQueryOptions().queryKey });
  const guarded = useGuarded<MarginAccountApplication, undefined, MarginAccountApplicationView>();
  /** `returned`: back from the confirmation, so focus goes to the form's heading. */
  const [input, setInput] = useState<{ returned: boolean; values: MarginAccountApplicationFormValues | undefined }>({
    returned: false,
    values: undefined,
  });

  return (
    <GuardedFlow
      guarded={guarded}
      operation="apply_margin_account"
      confirmation={{
        title: "申込内容の確認",
        instruction: "以下の内容で信用取引口座の開設を申し込みます。",
        summary: (application) => <MarginAccountApplicationSummary application={application} />,
        submitLabel: "申し込む",
      }}
      execute={apply.mutateAsync}
      onCancel={(application) => setInput({ returned: true, values: application })}
      completion={{
        title: "信用取引口座開設のお申し込みを受け付けました",
        children: (application) => (
          <>
            <p>弊社にて審査のうえ、結果をメールでお知らせします。審査中は信用取引の新規建てはご利用いただけません。</p>
            <MarginAccountApplicationSummary application={application} />
            <div className="kk-actions">
              <Link to={paths.accountOpenings}>口座開設状況照会へ</Link>
              <Link to={paths.home}>会員トップへ戻る</Link>
            </div>
          </>
        ),
      }}
    >
      <RegisteredInfoGate query={openings} label={screens.marginApplication.title} subject="口座開設状況">
        {(data) => {
          const margin = data.accounts.find((a) => a.kind === "信用取引口座");
          if (margin && margin.status !== "未開設") return <NotApplicable margin={margin} />;
          return (
            <InputStep title="お客様の状況" autoFocus={input.returned}>
              <ExecutionPasswordLockNotice>
                <p>
                  各項目を選択し、信用取引口座設定約諾書をご確認のうえ「申込内容の確認」を押してください。審査の結果はメールでお知らせします。
                </p>
                <MarginAccountApplicationForm
                  defaultValues={input.values}
                  onSubmit={(application) => guarded.confirm(application, undefined)}
                />
              </ExecutionPasswordLockNotice>
            </InputStep>
          );
        }}
      </RegisteredInfoGate>
    </GuardedFlow>
  );
}

export function route() {
  return { Component: MarginApplicationPage };
}

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
import { useT } from "../../../lib/i18n/use-t.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { appCatalog } from "../../i18n.ts";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import { paths } from "../../screens.ts";
import { accountRoutesCatalog } from "./i18n.ts";

/** Only a 信用取引口座 that is 未開設 can be applied for; the others say where it stands. */
function NotApplicable({ margin }: { margin: AccountOpening }) {
  const { t } = useT(accountRoutesCatalog);
  if (margin.status === "審査中") {
    return (
      <Alert variant="info">
        <p>{t("account.margin.underReview")}</p>
        {margin.appliedOn && <p>{t("account.margin.appliedOn", { date: formatCalendarDate(margin.appliedOn) })}</p>}
      </Alert>
    );
  }
  return (
    <Alert variant="info">
      <p>{t("account.margin.alreadyOpen")}</p>
      <p>
        <Link to={paths.tradeStock}>{t("account.margin.toStockOrders")}</Link>
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
  const { t } = useT(appCatalog, accountRoutesCatalog);
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
        title: t("account.margin.confirmTitle"),
        instruction: t("account.margin.confirmInstruction"),
        summary: (application) => <MarginAccountApplicationSummary application={application} />,
        submitLabel: t("account.margin.apply"),
      }}
      execute={apply.mutateAsync}
      onCancel={(application) => setInput({ returned: true, values: application })}
      completion={{
        title: t("account.margin.completeTitle"),
        children: (application) => (
          <>
            <p>{t("account.margin.completeNote")}</p>
            <MarginAccountApplicationSummary application={application} />
            <div className="kk-actions">
              <Link to={paths.accountOpenings}>{t("account.margin.toAccountOpenings")}</Link>
              <Link to={paths.home}>{t("account.backToHome")}</Link>
            </div>
          </>
        ),
      }}
    >
      <RegisteredInfoGate
        query={openings}
        label={t("screens.marginApplication")}
        subject={t("account.openings.subject")}
      >
        {(data) => {
          const margin = data.accounts.find((a) => a.kind === "信用取引口座");
          if (margin && margin.status !== "未開設") return <NotApplicable margin={margin} />;
          return (
            <InputStep title={t("account.margin.inputTitle")} autoFocus={input.returned}>
              <ExecutionPasswordLockNotice>
                <p>{t("account.margin.instruction")}</p>
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

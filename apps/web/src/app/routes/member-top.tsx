import { useId } from "react";
import { QueryStatus } from "../../components/query-status.tsx";
import { useSession } from "../../features/auth/api/get-session.ts";
import { ExecutionPasswordBanner } from "../../features/credentials/components/execution-password-banner.tsx";
import { PreviousLogin } from "../../features/login-history/components/previous-login.tsx";
import { NoticeList, type NoticeTopicLinks } from "../../features/notices/components/notice-list.tsx";
import { useBalances } from "../../features/trading/api/get-balances.ts";
import { AssetSummary } from "../../features/trading/components/asset-summary.tsx";
import { TradingStopBanner } from "../../features/trading-stop/components/trading-stop-banner.tsx";
import { useWithdrawalOverview } from "../../features/withdrawals/api/get-withdrawal-overview.ts";
import { PendingBankAccountChangeNote } from "../../features/withdrawals/components/pending-bank-account-change-note.tsx";
import { formatYen } from "../../lib/format.ts";
import { useT } from "../../lib/i18n/use-t.ts";
import { appCatalog } from "../i18n.ts";
import { paths } from "../screen-routes.ts";
import { routesCatalog } from "./i18n.ts";

/** 資産合計 … 出金可能額 and お客様コード (R42, issue 17): what a customer opens 会員トップ for. */
function Assets({ customerCode }: { customerCode: string | undefined }) {
  const { t } = useT(appCatalog, routesCatalog);
  const headingId = useId();
  const balances = useBalances();
  const overview = useWithdrawalOverview();
  const withdrawable = overview.data?.withdrawable;
  return (
    <section className="kk-card kk-stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("memberTop.assets.heading")}</h2>
      {balances.data ? (
        <AssetSummary
          balances={balances.data}
          extra={[
            {
              term: t("memberTop.assets.withdrawable"),
              detail:
                withdrawable !== undefined ? (
                  <span className="kk-amount">{formatYen(withdrawable)}</span>
                ) : overview.isError ? (
                  t("memberTop.assets.unavailable")
                ) : (
                  t("app.loading")
                ),
            },
            ...(customerCode ? [{ term: t("memberTop.assets.customerCode"), detail: customerCode }] : []),
          ]}
        />
      ) : (
        <QueryStatus query={balances} what={t("memberTop.assets.what")} />
      )}
      {overview.data?.pendingBankAccountChange?.status === "申請中" && (
        <PendingBankAccountChangeNote change={overview.data.pendingBankAccountChange} />
      )}
    </section>
  );
}

function MemberTop() {
  const { t } = useT(routesCatalog);
  const { data } = useSession();
  const customer = data?.authenticated ? data.customer : null;
  const noticeTopicLinks: NoticeTopicLinks = {
    execution_password_change: { label: t("memberTop.toExecutionPassword"), to: paths.executionPassword },
  };
  return (
    <div className="kk-stack">
      {customer && <p className="kk-greeting">{t("memberTop.greeting", { name: customer.name })}</p>}
      <TradingStopBanner />
      <ExecutionPasswordBanner />
      <Assets customerCode={customer?.customerCode} />
      <PreviousLogin />
      <NoticeList topicLinks={noticeTopicLinks} />
    </div>
  );
}

export function route() {
  return {
    Component: MemberTop,
  };
}

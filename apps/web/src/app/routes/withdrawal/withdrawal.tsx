import type {
  WithdrawalReceipt as AcceptedWithdrawal,
  BankAccountView,
  WithdrawalOverview,
  WithdrawalRequest,
} from "@kakunin/contracts/withdrawals";
import { useState } from "react";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { MailNotificationNote } from "../../../components/mail-notification-note.tsx";
import { ExecutionPasswordLockNotice } from "../../../features/credentials/components/execution-password-lock-notice.tsx";
import { useCreateWithdrawal } from "../../../features/withdrawals/api/create-withdrawal.ts";
import { useWithdrawalOverview } from "../../../features/withdrawals/api/get-withdrawal-overview.ts";
import { WithdrawalForm } from "../../../features/withdrawals/components/withdrawal-form.tsx";
import { WithdrawalOverviewDetails } from "../../../features/withdrawals/components/withdrawal-overview-details.tsx";
import { WithdrawalReceipt } from "../../../features/withdrawals/components/withdrawal-receipt.tsx";
import { WithdrawalSummary } from "../../../features/withdrawals/components/withdrawal-summary.tsx";
import { withNodes } from "../../../features/withdrawals/utils/with-nodes.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { type Notice, NoticeAlert, noticeOf } from "../../query-status.tsx";
import { paths } from "../../screens.ts";
import { withdrawalRoutesCatalog } from "./i18n.ts";

/** The amount as the customer left it, back from the confirmation. */
interface Input {
  /** Back from a later step: focus goes to the section's heading (or the field in error). */
  returned: boolean;
  amount: string | undefined;
  /** The server refused the amount (e.g. insufficient_funds): shown on the field. */
  amountError: string | undefined;
  /** The server refused the request as a whole (e.g. bank_account_changed). */
  notice: Notice | undefined;
}

const initialInput: Input = { returned: false, amount: undefined, amountError: undefined, notice: undefined };

/** The server's message for the amount field, if the refusal is about the amount. */
function amountErrorOf(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  const field = error.fields.find((entry) => entry.path === "amount");
  if (field) return field.message;
  return error.code === "insufficient_funds" ? error.message : undefined;
}

function OverviewStatus({ overview }: { overview: ReturnType<typeof useWithdrawalOverview> }) {
  const { t } = useT(withdrawalRoutesCatalog);
  if (overview.isError) {
    return (
      <ApiErrorAlert
        error={overview.error}
        lead={t("withdrawalRoutes.overview.failed")}
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  }
  return (
    <p className="kk-loading" role="status">
      {t("withdrawalRoutes.overview.loading")}
    </p>
  );
}

/**
 * 出金 (R12, R13): 出金金額 → 出金確認 → 執行パスワード (and the mailed 認証コード when the
 * customer turned it on) → 出金する → 受付. The amount and destination confirmed are what
 * is sent, under one Idempotency-Key per confirmation.
 */
function WithdrawalPage() {
  const { t } = useT(withdrawalRoutesCatalog);
  const overview = useWithdrawalOverview();
  const createWithdrawal = useCreateWithdrawal();
  const guarded = useGuarded<WithdrawalRequest, BankAccountView, AcceptedWithdrawal>();
  const [input, setInput] = useState<Input>(initialInput);
  const backToInput = (request: WithdrawalRequest, changes: Partial<Input> = {}) =>
    setInput({ ...initialInput, returned: true, amount: String(request.amount), ...changes });

  const renderInput = (data: WithdrawalOverview) => {
    const account = data.bankAccount;
    return (
      <InputStep title={t("withdrawalRoutes.input.title")} autoFocus={input.returned && !input.amountError}>
        <NoticeAlert notice={input.notice} />
        <WithdrawalOverviewDetails overview={data} />
        {account ? (
          <ExecutionPasswordLockNotice>
            <p>{t("withdrawalRoutes.input.instruction")}</p>
            <WithdrawalForm
              bankAccountId={account.id}
              withdrawable={data.withdrawable}
              defaultAmount={input.amount}
              amountError={input.amountError}
              onSubmit={(request) => guarded.confirm(request, account)}
            />
          </ExecutionPasswordLockNotice>
        ) : (
          <p>
            {withNodes(t, "withdrawalRoutes.input.noBankAccount", {
              link: <Link to={paths.bankAccount}>{t("withdrawalRoutes.input.bankAccountLink")}</Link>,
            })}
          </p>
        )}
      </InputStep>
    );
  };

  return (
    <GuardedFlow
      guarded={guarded}
      operation="withdrawal"
      confirmation={{
        title: t("withdrawalRoutes.confirm.title"),
        instruction: t("withdrawalRoutes.confirm.instruction"),
        summary: (request, account) => <WithdrawalSummary request={request} account={account} />,
        submitLabel: t("withdrawalRoutes.confirm.submit"),
      }}
      execute={createWithdrawal.mutateAsync}
      onError={(error, request) => {
        const amountError = amountErrorOf(error);
        if (amountError) {
          backToInput(request, { amountError });
          return true;
        }
        if (isApiError(error) && error.code === "bank_account_changed") {
          // The overview is being refetched: the input shows the destination as it is now.
          backToInput(request, { notice: noticeOf(error) });
          return true;
        }
        return false;
      }}
      onCancel={(request) => backToInput(request)}
      completion={{
        title: t("withdrawalRoutes.complete.title"),
        children: (withdrawal) => (
          <>
            <WithdrawalReceipt withdrawal={withdrawal} />
            <MailNotificationNote label={t("withdrawalRoutes.complete.mail")} sentTo={withdrawal.notificationSentTo} />
            <div className="kk-actions">
              <Link to={paths.withdrawalHistory}>{t("withdrawalRoutes.complete.history")}</Link>
              <Link to={paths.home}>{t("withdrawalRoutes.complete.home")}</Link>
            </div>
          </>
        ),
      }}
    >
      {overview.data ? renderInput(overview.data) : <OverviewStatus overview={overview} />}
    </GuardedFlow>
  );
}

export function route() {
  return { Component: WithdrawalPage };
}

import type { BankAccountChange, BankAccountChangeView, BankAccountView } from "@kakunin/contracts/withdrawals";
import { DescriptionList } from "@kakunin/ui/description-list";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { StepSection } from "@kakunin/ui/step-section";
import { type ReactNode, useMemo, useState } from "react";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { ExecutionPasswordLockNotice } from "../../../features/credentials/components/execution-password-lock-notice.tsx";
import { useCheckBankAccountChange } from "../../../features/withdrawals/api/check-bank-account-change.ts";
import { useWithdrawalOverview } from "../../../features/withdrawals/api/get-withdrawal-overview.ts";
import { useRequestBankAccountChange } from "../../../features/withdrawals/api/request-bank-account-change.ts";
import { BankAccountChangeDetails } from "../../../features/withdrawals/components/bank-account-change-details.tsx";
import {
  BankAccountChangeForm,
  type BankAccountChangeFormValues,
  bankAccountChangeFields,
} from "../../../features/withdrawals/components/bank-account-change-form.tsx";
import { BankAccountChangeSummary } from "../../../features/withdrawals/components/bank-account-change-summary.tsx";
import { PendingBankAccountChangeNote } from "../../../features/withdrawals/components/pending-bank-account-change-note.tsx";
import { bankAccountText } from "../../../features/withdrawals/utils/bank-account-text.ts";
import { fieldErrorsOf } from "../../../lib/form-errors.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { GuardedFlow, useGuarded } from "../../guarded-flow.tsx";
import { paths } from "../../screens.ts";
import { accountRoutesCatalog } from "./i18n.ts";

/** The registered destination and any request still 申請中, from the withdrawal overview. */
function CurrentAccount({ overview }: { overview: ReturnType<typeof useWithdrawalOverview> }) {
  const { t } = useT(accountRoutesCatalog);
  let content: ReactNode;
  if (overview.data) {
    const { bankAccount, pendingBankAccountChange: pending } = overview.data;
    content = (
      <>
        <DescriptionList
          items={[
            {
              term: t("account.bankAccount.term"),
              detail: bankAccount ? bankAccountText(bankAccount) : t("account.bankAccount.notRegistered"),
            },
          ]}
        />
        {pending?.status === "申請中" && (
          <>
            <PendingBankAccountChangeNote change={pending} />
            <BankAccountChangeDetails change={pending} />
          </>
        )}
      </>
    );
  } else if (overview.isError) {
    content = (
      <ApiErrorAlert
        error={overview.error}
        lead={t("account.bankAccount.currentFailed")}
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  } else {
    content = (
      <p className="kk-loading" role="status">
        {t("account.bankAccount.loading")}
      </p>
    );
  }
  return (
    <StepSection title={t("account.bankAccount.currentTitle")} autoFocus={false}>
      {content}
    </StepSection>
  );
}

/**
 * 出金先口座変更 (R14): the new account → 変更確認 → 執行パスワード → 申請する. The broker
 * applies it after checking; the customer is told by mail (always sent).
 */
function BankAccountPage() {
  const { t } = useT(accountRoutesCatalog);
  const overview = useWithdrawalOverview();
  const requestChange = useRequestBankAccountChange();
  const check = useCheckBankAccountChange();
  // R39: core refuses a 口座名義 that is not the customer's own before the confirmation opens.
  const checkFieldErrors = useMemo(() => fieldErrorsOf(check.error, bankAccountChangeFields), [check.error]);
  const guarded = useGuarded<BankAccountChange, BankAccountView | null, BankAccountChangeView>();
  /** `returned`: back from a later step, so focus goes to the form's heading. */
  const [input, setInput] = useState<{ returned: boolean; values: BankAccountChangeFormValues | undefined }>({
    returned: false,
    values: undefined,
  });

  return (
    <GuardedFlow
      guarded={guarded}
      operation="change_bank_account"
      confirmation={{
        title: t("account.bankAccount.confirmTitle"),
        instruction: t("account.bankAccount.confirmInstruction"),
        summary: (change, current) => <BankAccountChangeSummary change={change} current={current} />,
        submitLabel: t("account.bankAccount.submit"),
      }}
      execute={requestChange.mutateAsync}
      onCancel={(change) => setInput({ returned: true, values: change })}
      completion={{
        title: t("account.bankAccount.completeTitle"),
        children: (change) => (
          <>
            <p>{t("account.bankAccount.completeNote")}</p>
            <p className="kk-text-sm kk-text-muted">{t("account.bankAccount.untilDone")}</p>
            <BankAccountChangeDetails change={change} />
            <div className="kk-actions">
              <Link to={paths.withdrawal}>{t("account.bankAccount.toWithdrawal")}</Link>
              <Link to={paths.home}>{t("account.backToHome")}</Link>
            </div>
          </>
        ),
      }}
    >
      <div className="kk-stack">
        <CurrentAccount overview={overview} />
        <StepIndicator current={0} />
        <StepSection title={t("account.bankAccount.newTitle")} autoFocus={input.returned}>
          <ExecutionPasswordLockNotice>
            <p>{t("account.bankAccount.instruction")}</p>
            {check.isError && !checkFieldErrors && (
              <ApiErrorAlert error={check.error} lead={t("account.bankAccount.checkFailed")} />
            )}
            <BankAccountChangeForm
              defaultValues={input.values}
              serverErrors={checkFieldErrors}
              checking={check.isPending}
              onSubmit={(change) =>
                check.mutate(change, {
                  onSuccess: () => {
                    check.reset();
                    guarded.confirm(change, overview.data?.bankAccount ?? null);
                  },
                })
              }
            />
          </ExecutionPasswordLockNotice>
        </StepSection>
      </div>
    </GuardedFlow>
  );
}

export function route() {
  return { Component: BankAccountPage };
}

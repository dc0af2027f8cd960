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
import { GuardedFlow, useGuarded } from "../../guarded-flow.tsx";
import { paths } from "../../screens.ts";

/** The registered destination and any request still 申請中, from the withdrawal overview. */
function CurrentAccount({ overview }: { overview: ReturnType<typeof useWithdrawalOverview> }) {
  let content: ReactNode;
  if (overview.data) {
    const { bankAccount, pendingBankAccountChange: pending } = overview.data;
    content = (
      <>
        <DescriptionList
          items={[{ term: "出金先口座", detail: bankAccount ? bankAccountText(bankAccount) : "未登録" }]}
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
        lead="現在の出金先口座を表示できませんでした。"
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  } else {
    content = (
      <p className="kk-loading" role="status">
        出金先口座を読み込んでいます…
      </p>
    );
  }
  return (
    <StepSection title="現在の出金先口座" autoFocus={false}>
      {content}
    </StepSection>
  );
}

/**
 * 出金先口座変更 (R14): the new account → 変更確認 → 執行パスワード → 申請する. The broker
 * applies it after checking; the customer is told by mail (always sent).
 */
function BankAccountPage() {
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
        title: "申請内容の確認",
        instruction: "以下の出金先口座への変更を申請します。",
        summary: (change, current) => <BankAccountChangeSummary change={change} current={current} />,
        submitLabel: "申請する",
      }}
      execute={requestChange.mutateAsync}
      onCancel={(change) => setInput({ returned: true, values: change })}
      completion={{
        title: "出金先口座の変更を受け付けました",
        children: (change) => (
          <>
            <p>弊社での手続き完了後、メールでお知らせします。</p>
            <p className="kk-text-sm kk-text-muted">手続きが完了するまでは、現在の出金先口座へ出金します。</p>
            <BankAccountChangeDetails change={change} />
            <div className="kk-actions">
              <Link to={paths.withdrawal}>出金へ</Link>
              <Link to={paths.home}>会員トップへ戻る</Link>
            </div>
          </>
        ),
      }}
    >
      <div className="kk-stack">
        <CurrentAccount overview={overview} />
        <StepIndicator current={0} />
        <StepSection title="新しい出金先口座" autoFocus={input.returned}>
          <ExecutionPasswordLockNotice>
            <p>
              新しい出金先口座を入力し、「変更確認」を押してください。弊社での手続き完了後に切り替わり、メールでお知らせします。
            </p>
            {check.isError && !checkFieldErrors && (
              <ApiErrorAlert error={check.error} lead="入力内容を確認できませんでした。" />
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

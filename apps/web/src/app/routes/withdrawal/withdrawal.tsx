import type {
  BankAccountView,
  Withdrawal,
  WithdrawalOverview,
  WithdrawalRequest,
} from "@kakunin/contracts/withdrawals";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete, StepSection } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { ExecutionPasswordLockNotice } from "../../../features/credentials/components/execution-password-lock-notice.tsx";
import { ConfirmStep } from "../../../features/step-up/components/confirm-step.tsx";
import { useCreateWithdrawal } from "../../../features/withdrawals/api/create-withdrawal.ts";
import { useWithdrawalOverview } from "../../../features/withdrawals/api/get-withdrawal-overview.ts";
import { WithdrawalForm } from "../../../features/withdrawals/components/withdrawal-form.tsx";
import { WithdrawalOverviewDetails } from "../../../features/withdrawals/components/withdrawal-overview-details.tsx";
import { WithdrawalReceipt } from "../../../features/withdrawals/components/withdrawal-receipt.tsx";
import { WithdrawalSummary } from "../../../features/withdrawals/components/withdrawal-summary.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { useStepUpFlow } from "../../../lib/step-up.ts";
import { paths } from "../../screens.ts";

type Step =
  | {
      step: "input";
      /** Back from a later step: focus goes to the section's heading (or the field in error). */
      returned: boolean;
      amount: string | undefined;
      /** The server refused the amount (e.g. insufficient_funds): shown on the field. */
      amountError: string | undefined;
      /** The server refused the request as a whole (e.g. bank_account_changed). */
      notice: { message: string; requestId: string | undefined } | undefined;
    }
  | { step: "confirm"; account: BankAccountView }
  | { step: "complete"; withdrawal: Withdrawal };

type InputStep = Extract<Step, { step: "input" }>;

const initialStep: InputStep = {
  step: "input",
  returned: false,
  amount: undefined,
  amountError: undefined,
  notice: undefined,
};

/** The server's message for the amount field, if the refusal is about the amount. */
function amountErrorOf(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  const field = error.fields.find((entry) => entry.path === "amount");
  if (field) return field.message;
  return error.code === "insufficient_funds" ? error.message : undefined;
}

function OverviewStatus({ overview }: { overview: ReturnType<typeof useWithdrawalOverview> }) {
  if (overview.isError) {
    return (
      <ApiErrorAlert
        error={overview.error}
        lead="出金可能額を表示できませんでした。"
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  }
  return (
    <p className="kk-loading" role="status">
      出金可能額を読み込んでいます…
    </p>
  );
}

/**
 * 出金 (R12, R13): 出金金額 → 出金確認 → 執行パスワード (and the mailed 認証コード when the
 * customer turned it on) → 出金する → 受付. The amount and destination confirmed are what
 * is sent, under one Idempotency-Key per confirmation.
 */
function WithdrawalPage() {
  const overview = useWithdrawalOverview();
  const createWithdrawal = useCreateWithdrawal();
  const flow = useStepUpFlow<WithdrawalRequest>();
  const [step, setStep] = useState<Step>(initialStep);

  if (step.step === "complete") {
    return (
      <div className="kk-stack">
        <StepIndicator current={2} />
        <ChangeComplete title="出金のお申込みを受け付けました">
          <WithdrawalReceipt withdrawal={step.withdrawal} />
          <p className="kk-text-sm kk-text-muted">
            出金申込完了通知メールを配信中に設定されている場合は、お知らせのメールをお送りしました。
          </p>
          <div className="kk-actions">
            <Link to={paths.withdrawalHistory}>出金申込履歴を見る</Link>
            <Link to={paths.home}>会員トップへ戻る</Link>
          </div>
        </ChangeComplete>
      </div>
    );
  }

  const pending = flow.pending;
  if (step.step === "confirm" && pending) {
    const { account } = step;
    const backToInput = (changes: Partial<InputStep> = {}) => {
      setStep({
        step: "input",
        returned: true,
        amount: String(pending.payload.amount),
        amountError: undefined,
        notice: undefined,
        ...changes,
      });
    };
    return (
      <ConfirmStep
        flow={flow}
        pending={pending}
        operation="withdrawal"
        title="出金内容の確認"
        instruction="以下の内容で出金を申し込みます。よろしければ執行パスワード（認証コードをご利用の場合は認証コードも）を入力し、「出金する」を押してください。"
        summary={<WithdrawalSummary request={pending.payload} account={account} />}
        submitLabel="出金する"
        execute={createWithdrawal.mutateAsync}
        onDone={(withdrawal) => setStep({ step: "complete", withdrawal })}
        onError={(error) => {
          const amountError = amountErrorOf(error);
          if (amountError) {
            backToInput({ amountError });
            return true;
          }
          if (isApiError(error) && error.code === "bank_account_changed") {
            // The overview is being refetched: the input shows the destination as it is now.
            backToInput({ notice: { message: error.message, requestId: error.requestId } });
            return true;
          }
          return false;
        }}
        onCancel={() => backToInput()}
      />
    );
  }

  const renderInput = (data: WithdrawalOverview, input: InputStep) => {
    const account = data.bankAccount;
    return (
      <div className="kk-stack">
        <StepIndicator current={0} />
        <StepSection title="出金金額の入力" autoFocus={input.returned && !input.amountError}>
          <ExecutionPasswordLockNotice />
          {input.notice && <ApiErrorAlert message={input.notice.message} requestId={input.notice.requestId} />}
          <WithdrawalOverviewDetails overview={data} />
          {account ? (
            <>
              <p>出金金額を入力し、「出金確認」を押してください。</p>
              <WithdrawalForm
                bankAccountId={account.id}
                withdrawable={data.withdrawable}
                defaultAmount={input.amount}
                amountError={input.amountError}
                onSubmit={(request) => {
                  flow.begin(request);
                  setStep({ step: "confirm", account });
                }}
              />
            </>
          ) : (
            <p>
              出金先口座が登録されていないため、出金できません。<Link to={paths.bankAccount}>出金先口座変更</Link>
              からお申込みください。
            </p>
          )}
        </StepSection>
      </div>
    );
  };

  const input = step.step === "input" ? step : initialStep;
  return overview.data ? renderInput(overview.data, input) : <OverviewStatus overview={overview} />;
}

export function route() {
  return {
    Component: WithdrawalPage,
  };
}

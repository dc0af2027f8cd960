import type { FundOrderRequest, Instrument, Order } from "@kakunin/contracts/trading";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete, StepSection } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
import { ExecutionPasswordLockNotice } from "../../../features/credentials/components/execution-password-lock-notice.tsx";
import { ConfirmStep } from "../../../features/step-up/components/confirm-step.tsx";
import { useBalances } from "../../../features/trading/api/get-balances.ts";
import { useInstruments } from "../../../features/trading/api/get-instruments.ts";
import { usePlaceOrder } from "../../../features/trading/api/place-order.ts";
import { BuyingPower } from "../../../features/trading/components/buying-power.tsx";
import {
  emptyFundOrder,
  type FundOrderField,
  FundOrderForm,
  type FundOrderFormValues,
  fundOrderFields,
} from "../../../features/trading/components/fund-order-form.tsx";
import { FundOrderSummary } from "../../../features/trading/components/fund-order-summary.tsx";
import { OrderDetails } from "../../../features/trading/components/order-details.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { fieldErrorsOf } from "../../../lib/form-errors.ts";
import { useStepUpFlow } from "../../../lib/step-up.ts";
import { paths } from "../../screens.ts";
import { type Notice, NoticeAlert, noticeOf, QueryStatus } from "./query-status.tsx";

type Step =
  | {
      step: "input";
      returned: boolean;
      values: FundOrderFormValues;
      fieldErrors: Partial<Record<FundOrderField, string>> | undefined;
      notice: Notice | undefined;
    }
  | { step: "confirm"; values: FundOrderFormValues; fund: Instrument | undefined }
  | { step: "complete"; order: Order };

type InputStep = Extract<Step, { step: "input" }>;

const initialStep: InputStep = {
  step: "input",
  returned: false,
  values: emptyFundOrder,
  fieldErrors: undefined,
  notice: undefined,
};

/** 投資信託 (R17, R18): 買付 (金額) / 解約 (口数) → 確認 (執行パスワード) → 受付; executes at the next NAV. */
function FundOrderPage() {
  const instruments = useInstruments();
  const balances = useBalances();
  const placeOrder = usePlaceOrder();
  const flow = useStepUpFlow<FundOrderRequest>();
  const [step, setStep] = useState<Step>(initialStep);

  if (step.step === "complete") {
    return (
      <div className="kk-stack">
        <StepIndicator current={2} />
        <ChangeComplete title="ご注文を受け付けました">
          <OrderDetails order={step.order} />
          <p>約定は次回の基準価額で行われます。</p>
          <div className="kk-actions">
            <Link to={paths.tradeOrders}>注文照会へ</Link>
            <Link to={paths.tradeBalances}>残高照会へ</Link>
          </div>
        </ChangeComplete>
      </div>
    );
  }

  const pending = flow.pending;
  if (step.step === "confirm" && pending) {
    const { values, fund } = step;
    const backToInput = (changes: Partial<InputStep> = {}) => {
      setStep({ step: "input", returned: true, values, fieldErrors: undefined, notice: undefined, ...changes });
    };
    return (
      <ConfirmStep
        flow={flow}
        pending={pending}
        operation="place_order"
        title="注文内容の確認"
        instruction="以下の内容で注文します。よろしければ執行パスワードを入力し、「注文する」を押してください。"
        summary={<FundOrderSummary request={pending.payload} fund={fund} />}
        submitLabel="注文する"
        execute={placeOrder.mutateAsync}
        onDone={(order) => setStep({ step: "complete", order })}
        onError={(error) => {
          if (!isApiError(error) || error.code !== "order_rejected") return false;
          const fieldErrors = fieldErrorsOf(error, fundOrderFields);
          backToInput(fieldErrors ? { fieldErrors } : { notice: noticeOf(error) });
          return true;
        }}
        onCancel={() => backToInput()}
      />
    );
  }

  const input = step.step === "input" ? step : initialStep;
  const funds = instruments.data?.instruments.filter((instrument) => instrument.kind === "fund");
  const heldUnits = balances.data
    ? Object.fromEntries(balances.data.fundHoldings.map((holding) => [holding.code, holding.units]))
    : undefined;
  return (
    <div className="kk-stack">
      <StepIndicator current={0} />
      <StepSection title="注文内容の入力" autoFocus={input.returned && !input.fieldErrors}>
        <ExecutionPasswordLockNotice />
        <NoticeAlert notice={input.notice} />
        <BuyingPower />
        {funds ? (
          <>
            <p>
              ファンドと金額（解約は口数）を入力し、「注文確認」を押してください。約定は次回の基準価額で行われます。
            </p>
            <FundOrderForm
              funds={funds}
              heldUnits={heldUnits}
              defaultValues={input.values}
              fieldErrors={input.fieldErrors}
              onSubmit={(request, values) => {
                flow.begin(request);
                setStep({ step: "confirm", values, fund: funds.find((fund) => fund.code === request.fundCode) });
              }}
            />
          </>
        ) : (
          <QueryStatus query={instruments} what="ファンドの一覧" />
        )}
      </StepSection>
    </div>
  );
}

export function route() {
  return {
    Component: FundOrderPage,
  };
}

import type { Instrument, Order, StockOrderRequest } from "@kakunin/contracts/trading";
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
import { OrderDetails } from "../../../features/trading/components/order-details.tsx";
import {
  emptyStockOrder,
  type StockOrderField,
  StockOrderForm,
  type StockOrderFormValues,
  stockOrderFields,
} from "../../../features/trading/components/stock-order-form.tsx";
import { StockOrderSummary } from "../../../features/trading/components/stock-order-summary.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { fieldErrorsOf } from "../../../lib/form-errors.ts";
import { useStepUpFlow } from "../../../lib/step-up.ts";
import { paths } from "../../screens.ts";
import { type Notice, NoticeAlert, noticeOf, QueryStatus } from "./query-status.tsx";

type Step =
  | {
      step: "input";
      returned: boolean;
      values: StockOrderFormValues;
      fieldErrors: Partial<Record<StockOrderField, string>> | undefined;
      notice: Notice | undefined;
    }
  | { step: "confirm"; values: StockOrderFormValues; instrument: Instrument | undefined }
  | { step: "complete"; order: Order };

type InputStep = Extract<Step, { step: "input" }>;

const initialStep: InputStep = {
  step: "input",
  returned: false,
  values: emptyStockOrder,
  fieldErrors: undefined,
  notice: undefined,
};

/**
 * 株式注文 (R17, R6): 入力 → 注文内容の確認 (執行パスワード on the 最終申込確認画面) → 受付.
 * The order confirmed is the body sent, under one Idempotency-Key per confirmation.
 */
function StockOrderPage() {
  const instruments = useInstruments();
  // The same query as 買付余力 shows: whether 信用 can be chosen at all.
  const balances = useBalances();
  const placeOrder = usePlaceOrder();
  const flow = useStepUpFlow<StockOrderRequest>();
  const [step, setStep] = useState<Step>(initialStep);

  if (step.step === "complete") {
    const { order } = step;
    return (
      <div className="kk-stack">
        <StepIndicator current={2} />
        <ChangeComplete title="ご注文を受け付けました">
          <OrderDetails order={order} />
          {order.status === "filled" && order.filledPrice !== null && <p>ご注文は約定しました。</p>}
          <p className="kk-text-sm kk-text-muted">約定時には取引通知メールをお送りします。</p>
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
    const { values, instrument } = step;
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
        summary={<StockOrderSummary request={pending.payload} instrument={instrument} />}
        submitLabel="注文する"
        execute={placeOrder.mutateAsync}
        onDone={(order) => setStep({ step: "complete", order })}
        onError={(error) => {
          if (!isApiError(error) || error.code !== "order_rejected") return false;
          const fieldErrors = fieldErrorsOf(error, stockOrderFields, {
            aliases: { account: "tradeType", marginAction: "tradeType" },
          });
          backToInput(fieldErrors ? { fieldErrors } : { notice: noticeOf(error) });
          return true;
        }}
        onCancel={() => backToInput()}
      />
    );
  }

  const input = step.step === "input" ? step : initialStep;
  const stocks = instruments.data?.instruments.filter((instrument) => instrument.kind === "stock");
  return (
    <div className="kk-stack">
      <StepIndicator current={0} />
      <StepSection title="注文内容の入力" autoFocus={input.returned && !input.fieldErrors}>
        <ExecutionPasswordLockNotice />
        <NoticeAlert notice={input.notice} />
        <BuyingPower />
        {instruments.isError && <QueryStatus query={instruments} what="銘柄の情報" />}
        <p>注文内容を入力し、「注文確認」を押してください。</p>
        <StockOrderForm
          stocks={stocks}
          marginAccountOpen={balances.data?.marginAccountOpen}
          defaultValues={input.values}
          fieldErrors={input.fieldErrors}
          onSubmit={(request, values) => {
            const instrument = stocks?.find((stock) => stock.code === request.instrumentCode);
            flow.begin(request);
            setStep({ step: "confirm", values, instrument });
          }}
        />
      </StepSection>
    </div>
  );
}

export function route() {
  return {
    Component: StockOrderPage,
  };
}

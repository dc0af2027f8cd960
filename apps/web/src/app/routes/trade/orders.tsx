import type { CancelOrderRequest, ModifyOrderRequest, Order } from "@kakunin/contracts/trading";
import { ChangeValue } from "@kakunin/ui/description-list";
import { StepIndicator } from "@kakunin/ui/step-indicator";
import { ChangeComplete, StepSection } from "@kakunin/ui/step-section";
import { useState } from "react";
import { Link } from "react-router";
import { ExecutionPasswordLockNotice } from "../../../features/credentials/components/execution-password-lock-notice.tsx";
import { ConfirmStep } from "../../../features/step-up/components/confirm-step.tsx";
import { useCancelOrder } from "../../../features/trading/api/cancel-order.ts";
import { useOrders } from "../../../features/trading/api/get-orders.ts";
import { useModifyOrder } from "../../../features/trading/api/modify-order.ts";
import {
  type ModifyOrderField,
  ModifyOrderForm,
  type ModifyOrderFormValues,
  modifyOrderFields,
} from "../../../features/trading/components/modify-order-form.tsx";
import { OrderDetails } from "../../../features/trading/components/order-details.tsx";
import { OrdersTable } from "../../../features/trading/components/orders-table.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { fieldErrorsOf } from "../../../lib/form-errors.ts";
import { formatCount, formatPrice } from "../../../lib/format.ts";
import { useStepUpFlow } from "../../../lib/step-up.ts";
import { paths } from "../../screens.ts";
import { type Notice, NoticeAlert, noticeOf, QueryStatus } from "./query-status.tsx";

type Step =
  | { step: "list"; notice: Notice | undefined }
  | {
      step: "modify";
      order: Order;
      returned: boolean;
      values: ModifyOrderFormValues | undefined;
      fieldErrors: Partial<Record<ModifyOrderField, string>> | undefined;
      notice: Notice | undefined;
    }
  | { step: "modifyConfirm"; order: Order; values: ModifyOrderFormValues }
  | { step: "cancelConfirm"; order: Order }
  | { step: "done"; title: string; order: Order };

const MODIFY_STEPS = ["訂正入力", "確認", "完了"] as const;
const CANCEL_STEPS = ["確認", "完了"] as const;

/**
 * 注文照会 (R17): the orders, and for an open limit order 訂正 (数量・価格 → 確認 → 完了)
 * and 取消 (確認 → 完了), each confirmed with the 執行パスワード.
 */
function OrdersPage() {
  const orders = useOrders();
  const modifyOrder = useModifyOrder();
  const cancelOrder = useCancelOrder();
  const modifyFlow = useStepUpFlow<ModifyOrderRequest>();
  const cancelFlow = useStepUpFlow<CancelOrderRequest>();
  const [step, setStep] = useState<Step>({ step: "list", notice: undefined });

  const backToList = (notice?: Notice) => setStep({ step: "list", notice });

  /** The order is no longer open (約定・取消・失効): back to the refreshed list, saying so. */
  const handleNotOpen = (error: unknown) => {
    if (isApiError(error) && error.code === "order_not_open") {
      backToList(noticeOf(error));
      return true;
    }
    return false;
  };

  if (step.step === "done") {
    const steps = step.title === "ご注文を取り消しました" ? CANCEL_STEPS : MODIFY_STEPS;
    return (
      <div className="kk-stack">
        <StepIndicator current={steps.length - 1} steps={steps} />
        <ChangeComplete title={step.title}>
          <OrderDetails order={step.order} />
          <div className="kk-actions">
            <Link to={paths.tradeOrders} onClick={() => backToList()}>
              注文照会へ戻る
            </Link>
          </div>
        </ChangeComplete>
      </div>
    );
  }

  if (step.step === "modify") {
    const { order } = step;
    return (
      <div className="kk-stack">
        <StepIndicator current={0} steps={MODIFY_STEPS} />
        <StepSection title="注文の訂正" autoFocus={!step.fieldErrors}>
          <NoticeAlert notice={step.notice} />
          <OrderDetails order={order} withStatus={false} />
          <p>訂正後の数量と価格を入力し、「訂正確認」を押してください。</p>
          <ModifyOrderForm
            order={order}
            defaultValues={step.values}
            fieldErrors={step.fieldErrors}
            onSubmit={(request, values) => {
              modifyFlow.begin(request);
              setStep({ step: "modifyConfirm", order, values });
            }}
            onCancel={() => backToList()}
          />
        </StepSection>
      </div>
    );
  }

  const modifyPending = modifyFlow.pending;
  if (step.step === "modifyConfirm" && modifyPending) {
    const { order, values } = step;
    const request = modifyPending.payload;
    const backToInput = (changes: Partial<Extract<Step, { step: "modify" }>> = {}) => {
      setStep({ step: "modify", order, returned: true, values, fieldErrors: undefined, notice: undefined, ...changes });
    };
    return (
      <ConfirmStep
        flow={modifyFlow}
        pending={modifyPending}
        operation="modify_order"
        title="訂正内容の確認"
        instruction="以下の内容に訂正します。よろしければ執行パスワードを入力し、「訂正する」を押してください。"
        steps={MODIFY_STEPS}
        current={1}
        summary={
          <OrderDetails
            order={order}
            withStatus={false}
            overrides={{
              数量: (
                <ChangeValue
                  before={`${formatCount(order.quantity ?? 0)}株`}
                  after={`${formatCount(request.quantity)}株`}
                  unchanged={order.quantity === request.quantity}
                />
              ),
              執行条件: (
                <ChangeValue
                  before={`指値 ${formatPrice(order.limitPrice ?? 0)}`}
                  after={`指値 ${formatPrice(request.limitPrice)}`}
                  unchanged={order.limitPrice === request.limitPrice}
                />
              ),
            }}
          />
        }
        submitLabel="訂正する"
        execute={modifyOrder.mutateAsync}
        onDone={(modified) => setStep({ step: "done", title: "ご注文を訂正しました", order: modified })}
        onError={(error) => {
          if (handleNotOpen(error)) return true;
          if (!isApiError(error) || error.code !== "order_rejected") return false;
          const fieldErrors = fieldErrorsOf(error, modifyOrderFields);
          backToInput(fieldErrors ? { fieldErrors } : { notice: noticeOf(error) });
          return true;
        }}
        onCancel={() => backToInput()}
      />
    );
  }

  const cancelPending = cancelFlow.pending;
  if (step.step === "cancelConfirm" && cancelPending) {
    const { order } = step;
    return (
      <ConfirmStep
        flow={cancelFlow}
        pending={cancelPending}
        operation="cancel_order"
        title="取消内容の確認"
        instruction="以下のご注文を取り消します。よろしければ執行パスワードを入力し、「取消する」を押してください。"
        steps={CANCEL_STEPS}
        current={0}
        summary={<OrderDetails order={order} />}
        submitLabel="取消する"
        execute={cancelOrder.mutateAsync}
        onDone={(cancelled) => setStep({ step: "done", title: "ご注文を取り消しました", order: cancelled })}
        onError={handleNotOpen}
        onCancel={() => backToList()}
      />
    );
  }

  const notice = step.step === "list" ? step.notice : undefined;
  return (
    <div className="kk-stack">
      <ExecutionPasswordLockNotice />
      <NoticeAlert notice={notice} />
      <p>
        注文中の指値注文は訂正・取消ができます。新たに注文する場合は<Link to={paths.tradeStock}>株式注文</Link>
        または<Link to={paths.tradeFund}>投資信託</Link>からどうぞ。
      </p>
      {orders.data ? (
        <OrdersTable
          orders={orders.data.orders}
          onModify={(order) =>
            setStep({
              step: "modify",
              order,
              returned: false,
              values: undefined,
              fieldErrors: undefined,
              notice: undefined,
            })
          }
          onCancel={(order) => {
            cancelFlow.begin({ orderNumber: order.orderNumber });
            setStep({ step: "cancelConfirm", order });
          }}
        />
      ) : (
        <QueryStatus query={orders} what="ご注文の一覧" />
      )}
    </div>
  );
}

export function route() {
  return {
    Component: OrdersPage,
  };
}

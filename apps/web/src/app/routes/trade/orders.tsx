import type { CancelOrderRequest, ModifyOrderRequest, Order } from "@kakunin/contracts/trading";
import { ChangeValue } from "@kakunin/ui/description-list";
import { useState } from "react";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { MorePages } from "../../../components/more-pages.tsx";
import { QueryStatus } from "../../../components/query-status.tsx";
import { useCredentials } from "../../../features/credentials/api/get-credentials.ts";
import { ExecutionPasswordLockNotice } from "../../../features/credentials/components/execution-password-lock-notice.tsx";
import { useCancelOrder } from "../../../features/trading/api/cancel-order.ts";
import { useCheckOrderModification } from "../../../features/trading/api/check-order-modification.ts";
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
import { formatCount, formatPrice } from "../../../lib/format.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { type Notice, NoticeAlert, noticeOf } from "../../query-status.tsx";
import { paths } from "../../screens.ts";
import { isOrderRejected, type OrderInput, rejectedInput } from "./order-flow.tsx";

type View =
  | { view: "list"; notice: Notice | undefined }
  | { view: "modify"; order: Order; input: OrderInput<ModifyOrderFormValues | undefined, ModifyOrderField> };

const MODIFY_STEPS = ["訂正入力", "確認", "完了"] as const;
const CANCEL_STEPS = ["確認", "完了"] as const;

/** 訂正確認: each changed value as before → after. */
function ModifySummary({ order, request }: { order: Order; request: ModifyOrderRequest }) {
  return (
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
  );
}

/**
 * 注文照会 (R17): the orders, and for an open limit order 訂正 (数量・価格 → 確認 → 完了)
 * and 取消 (確認 → 完了), each confirmed with the 執行パスワード.
 */
function OrdersPage() {
  const orders = useOrders();
  const modifyOrder = useModifyOrder();
  const cancelOrder = useCancelOrder();
  const checkModification = useCheckOrderModification();
  const modify = useGuarded<ModifyOrderRequest, { order: Order; values: ModifyOrderFormValues }, Order>();
  const cancel = useGuarded<CancelOrderRequest, { order: Order }, Order>();
  const [view, setView] = useState<View>({ view: "list", notice: undefined });
  // Locked (R8): the list stays readable, without 訂正・取消 that could not be confirmed (B6).
  const locked = useCredentials().data?.executionPassword.locked === true;

  const backToList = (notice?: Notice) => {
    checkModification.reset();
    modify.toInput();
    cancel.toInput();
    setView({ view: "list", notice });
  };

  /** The order is no longer open (約定・取消・失効): back to the refreshed list, saying so. */
  const handleNotOpen = (error: unknown) => {
    if (isApiError(error) && error.code === "order_not_open") {
      backToList(noticeOf(error));
      return true;
    }
    return false;
  };

  const done = (order: Order) => (
    <>
      <OrderDetails order={order} />
      <div className="kk-actions">
        <Link to={paths.tradeOrders} onClick={() => backToList()}>
          注文照会へ戻る
        </Link>
      </div>
    </>
  );

  const list = (
    <div className="kk-stack">
      <ExecutionPasswordLockNotice />
      <NoticeAlert notice={view.view === "list" ? view.notice : undefined} />
      <p>
        {!locked && "注文中の指値注文は訂正・取消ができます。"}新たに注文する場合は
        <Link to={paths.tradeStock}>株式注文</Link>
        または<Link to={paths.tradeFund}>投資信託</Link>からどうぞ。
      </p>
      {orders.data ? (
        <>
          <OrdersTable
            orders={orders.data.pages.flatMap((page) => page.orders)}
            changes={
              locked
                ? undefined
                : {
                    onModify: (order) => setView({ view: "modify", order, input: { values: undefined } }),
                    onCancel: (order) => cancel.confirm({ orderNumber: order.orderNumber }, { order }),
                  }
            }
          />
          <MorePages query={orders} what="ご注文の一覧" />
        </>
      ) : (
        <QueryStatus query={orders} what="ご注文の一覧" />
      )}
    </div>
  );

  return (
    <GuardedFlow
      guarded={cancel}
      operation="cancel_order"
      steps={CANCEL_STEPS}
      confirmation={{
        title: "取消内容の確認",
        instruction: "以下のご注文を取り消します。",
        summary: (_request, { order }) => <OrderDetails order={order} />,
        submitLabel: "取消する",
      }}
      execute={cancelOrder.mutateAsync}
      onError={handleNotOpen}
      onCancel={() => backToList()}
      completion={{ title: "ご注文を取り消しました", children: done }}
    >
      <GuardedFlow
        guarded={modify}
        operation="modify_order"
        steps={MODIFY_STEPS}
        confirmation={{
          title: "訂正内容の確認",
          instruction: "以下の内容に訂正します。",
          summary: (request, { order }) => <ModifySummary order={order} request={request} />,
          submitLabel: "訂正する",
        }}
        execute={modifyOrder.mutateAsync}
        onError={(error, _request, { order, values }) =>
          handleNotOpen(error) ||
          rejectedInput(error, values, modifyOrderFields, (input) => setView({ view: "modify", order, input }))
        }
        onCancel={(_request, { order, values }) =>
          setView({ view: "modify", order, input: { values, returned: true } })
        }
        completion={{ title: "ご注文を訂正しました", children: done }}
      >
        {view.view === "modify" ? (
          <InputStep title="注文の訂正" steps={MODIFY_STEPS} autoFocus={!view.input.fieldErrors}>
            <NoticeAlert notice={view.input.notice} />
            <OrderDetails order={view.order} withStatus={false} />
            <ExecutionPasswordLockNotice>
              <p>訂正後の数量と価格を入力し、「訂正確認」を押してください。</p>
              {checkModification.isError &&
                !isOrderRejected(checkModification.error) &&
                !(isApiError(checkModification.error) && checkModification.error.code === "order_not_open") && (
                  <ApiErrorAlert error={checkModification.error} lead="訂正の内容を確認できませんでした。" />
                )}
              <ModifyOrderForm
                order={view.order}
                defaultValues={view.input.values}
                fieldErrors={view.input.fieldErrors}
                checking={checkModification.isPending}
                onSubmit={(request, values) => {
                  const { order } = view;
                  // Core checks first: what it refuses goes back on the fields, before any password.
                  checkModification.mutate(request, {
                    onSuccess: () => {
                      checkModification.reset();
                      modify.confirm(request, { order, values });
                    },
                    onError: (error) =>
                      handleNotOpen(error) ||
                      rejectedInput(error, values, modifyOrderFields, (input) =>
                        setView({ view: "modify", order, input }),
                      ),
                  });
                }}
                onCancel={() => backToList()}
              />
            </ExecutionPasswordLockNotice>
          </InputStep>
        ) : (
          list
        )}
      </GuardedFlow>
    </GuardedFlow>
  );
}

export function route() {
  return { Component: OrdersPage };
}

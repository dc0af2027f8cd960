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
import { tradingCatalog } from "../../../features/trading/i18n.ts";
import { limitPriceText, sharesText } from "../../../features/trading/utils/order-text.ts";
import { richText } from "../../../features/trading/utils/rich-text.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { appCatalog } from "../../i18n.ts";
import { type Notice, NoticeAlert, noticeOf } from "../../query-status.tsx";
import { paths } from "../../screens.ts";
import { tradeRoutesCatalog } from "./i18n.ts";
import { isOrderRejected, type OrderInput, rejectedInput } from "./order-flow.tsx";

type View =
  | { view: "list"; notice: Notice | undefined }
  | { view: "modify"; order: Order; input: OrderInput<ModifyOrderFormValues | undefined, ModifyOrderField> };

/** The StepIndicator's labels (ids). */
const MODIFY_STEPS = ["tradeRoutes.steps.modifyInput", "tradeRoutes.steps.confirm", "tradeRoutes.steps.complete"];
const CANCEL_STEPS = ["tradeRoutes.steps.confirm", "tradeRoutes.steps.complete"];

/** 訂正確認: each changed value as before → after. */
function ModifySummary({ order, request }: { order: Order; request: ModifyOrderRequest }) {
  const { t } = useT(tradingCatalog);
  return (
    <OrderDetails
      order={order}
      withStatus={false}
      overrides={{
        quantity: (
          <ChangeValue
            before={sharesText(t, order.quantity ?? 0)}
            after={sharesText(t, request.quantity)}
            unchanged={order.quantity === request.quantity}
          />
        ),
        priceType: (
          <ChangeValue
            before={limitPriceText(t, order.limitPrice ?? 0)}
            after={limitPriceText(t, request.limitPrice)}
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
  const { t } = useT(tradeRoutesCatalog, tradingCatalog, appCatalog);
  const modifySteps = MODIFY_STEPS.map((id) => t(id));
  const cancelSteps = CANCEL_STEPS.map((id) => t(id));
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
          {t("trading.backToOrders")}
        </Link>
      </div>
    </>
  );

  const newOrderLinks = {
    stock: <Link to={paths.tradeStock}>{t("screens.tradeStock")}</Link>,
    fund: <Link to={paths.tradeFund}>{t("screens.tradeFund")}</Link>,
  };
  const list = (
    <div className="kk-stack">
      <ExecutionPasswordLockNotice />
      <NoticeAlert notice={view.view === "list" ? view.notice : undefined} />
      <p>{richText(t, locked ? "tradeRoutes.orders.introLocked" : "tradeRoutes.orders.intro", newOrderLinks)}</p>
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
          <MorePages query={orders} what={t("tradeRoutes.orders.what")} />
        </>
      ) : (
        <QueryStatus query={orders} what={t("tradeRoutes.orders.what")} />
      )}
    </div>
  );

  return (
    <GuardedFlow
      guarded={cancel}
      operation="cancel_order"
      steps={cancelSteps}
      confirmation={{
        title: t("tradeRoutes.cancel.title"),
        instruction: t("tradeRoutes.cancel.instruction"),
        summary: (_request, { order }) => <OrderDetails order={order} />,
        submitLabel: t("tradeRoutes.cancel.submit"),
      }}
      execute={cancelOrder.mutateAsync}
      onError={handleNotOpen}
      onCancel={() => backToList()}
      completion={{ title: t("tradeRoutes.cancel.done"), children: done }}
    >
      <GuardedFlow
        guarded={modify}
        operation="modify_order"
        steps={modifySteps}
        confirmation={{
          title: t("tradeRoutes.modify.title"),
          instruction: t("tradeRoutes.modify.instruction"),
          summary: (request, { order }) => <ModifySummary order={order} request={request} />,
          submitLabel: t("tradeRoutes.modify.submit"),
        }}
        execute={modifyOrder.mutateAsync}
        onError={(error, _request, { order, values }) =>
          handleNotOpen(error) ||
          rejectedInput(error, values, modifyOrderFields, (input) => setView({ view: "modify", order, input }))
        }
        onCancel={(_request, { order, values }) =>
          setView({ view: "modify", order, input: { values, returned: true } })
        }
        completion={{ title: t("tradeRoutes.modify.done"), children: done }}
      >
        {view.view === "modify" ? (
          <InputStep title={t("tradeRoutes.modify.inputTitle")} steps={modifySteps} autoFocus={!view.input.fieldErrors}>
            <NoticeAlert notice={view.input.notice} />
            <OrderDetails order={view.order} withStatus={false} />
            <ExecutionPasswordLockNotice>
              <p>{t("tradeRoutes.modify.inputInstruction")}</p>
              {checkModification.isError &&
                !isOrderRejected(checkModification.error) &&
                !(isApiError(checkModification.error) && checkModification.error.code === "order_not_open") && (
                  <ApiErrorAlert error={checkModification.error} lead={t("tradeRoutes.modify.checkFailed")} />
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

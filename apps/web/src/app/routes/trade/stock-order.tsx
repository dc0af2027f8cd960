import type { Instrument, OrderReceipt as PlacedOrder, StockOrderRequest } from "@kakunin/contracts/trading";
import { useState } from "react";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { MailNotificationNote } from "../../../components/mail-notification-note.tsx";
import { QueryStatus } from "../../../components/query-status.tsx";
import { ExecutionPasswordLockNotice } from "../../../features/credentials/components/execution-password-lock-notice.tsx";
import { useCheckOrder } from "../../../features/trading/api/check-order.ts";
import { useBalances } from "../../../features/trading/api/get-balances.ts";
import { useInstruments } from "../../../features/trading/api/get-instruments.ts";
import { usePlaceOrder } from "../../../features/trading/api/place-order.ts";
import { BuyingPower } from "../../../features/trading/components/buying-power.tsx";
import {
  emptyStockOrder,
  type StockOrderField,
  StockOrderForm,
  type StockOrderFormValues,
  stockOrderFields,
} from "../../../features/trading/components/stock-order-form.tsx";
import { StockOrderSummary } from "../../../features/trading/components/stock-order-summary.tsx";
import { useT } from "../../../lib/i18n/use-t.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { NoticeAlert } from "../../query-status.tsx";
import { tradeRoutesCatalog } from "./i18n.ts";
import { isOrderRejected, type OrderInput, OrderReceipt, orderInstruction, rejectedInput } from "./order-flow.tsx";

type Context = { values: StockOrderFormValues; instrument: Instrument | undefined };

/** Core names 取引区分 as account and marginAction; the form has one field for both. */
const fieldAliases = { account: "tradeType", marginAction: "tradeType" } as const;

/**
 * 株式注文 (R17, R6): 入力 → (core's check, issue 17 B2) → 注文内容の確認 (執行パスワード on
 * the 最終申込確認画面) → 受付. The order confirmed is the body sent, under one
 * Idempotency-Key per confirmation.
 */
function StockOrderPage() {
  const { t } = useT(tradeRoutesCatalog);
  const instruments = useInstruments();
  // The same query as 買付余力 shows: whether 信用 can be chosen at all.
  const balances = useBalances();
  const placeOrder = usePlaceOrder();
  const check = useCheckOrder();
  const guarded = useGuarded<StockOrderRequest, Context, PlacedOrder>();
  const [input, setInput] = useState<OrderInput<StockOrderFormValues, StockOrderField>>({ values: emptyStockOrder });
  const stocks = instruments.data?.instruments.filter((instrument) => instrument.kind === "stock");

  return (
    <GuardedFlow
      guarded={guarded}
      operation="place_order"
      confirmation={{
        ...orderInstruction(t),
        summary: (request, { instrument }) => <StockOrderSummary request={request} instrument={instrument} />,
      }}
      execute={placeOrder.mutateAsync}
      onError={(error, _request, { values }) => rejectedInput(error, values, stockOrderFields, setInput, fieldAliases)}
      onCancel={(_request, { values }) => setInput({ values, returned: true })}
      completion={{
        title: t("tradeRoutes.order.accepted"),
        children: (order) => (
          <OrderReceipt order={order}>
            {order.status === "filled" && order.filledPrice !== null && <p>{t("tradeRoutes.stock.filled")}</p>}
            <MailNotificationNote
              label={t("tradeRoutes.stock.mailLabel")}
              sentTo={order.executionMailTo}
              {...(order.status === "filled" ? {} : { upcoming: { when: t("tradeRoutes.order.whenFilled") } })}
            />
          </OrderReceipt>
        ),
      }}
    >
      <InputStep title={t("tradeRoutes.order.inputTitle")} autoFocus={Boolean(input.returned) && !input.fieldErrors}>
        <NoticeAlert notice={input.notice} />
        <BuyingPower />
        {instruments.isError && <QueryStatus query={instruments} what={t("tradeRoutes.stock.instrumentsWhat")} />}
        <ExecutionPasswordLockNotice>
          <p>{t("tradeRoutes.stock.instruction")}</p>
          {check.isError && !isOrderRejected(check.error) && (
            <ApiErrorAlert error={check.error} lead={t("tradeRoutes.order.checkFailed")} />
          )}
          <StockOrderForm
            stocks={stocks}
            marginAccountOpen={balances.data?.marginAccountOpen}
            defaultValues={input.values}
            fieldErrors={input.fieldErrors}
            checking={check.isPending}
            onSubmit={(request, values) => {
              const instrument = stocks?.find((stock) => stock.code === request.instrumentCode);
              // Core checks first: what it refuses goes back on the fields, before any password.
              check.mutate(request, {
                onSuccess: () => {
                  check.reset();
                  guarded.confirm(request, { values, instrument });
                },
                onError: (error) => rejectedInput(error, values, stockOrderFields, setInput, fieldAliases),
              });
            }}
          />
        </ExecutionPasswordLockNotice>
      </InputStep>
    </GuardedFlow>
  );
}

export function route() {
  return { Component: StockOrderPage };
}

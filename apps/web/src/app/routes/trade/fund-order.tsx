import type { FundOrderRequest, Instrument, OrderReceipt as PlacedOrder } from "@kakunin/contracts/trading";
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
  emptyFundOrder,
  type FundOrderField,
  FundOrderForm,
  type FundOrderFormValues,
  fundOrderFields,
} from "../../../features/trading/components/fund-order-form.tsx";
import { FundOrderSummary } from "../../../features/trading/components/fund-order-summary.tsx";
import { useT } from "../../../lib/i18n/use-t.ts";
import { GuardedFlow, InputStep, useGuarded } from "../../guarded-flow.tsx";
import { NoticeAlert } from "../../query-status.tsx";
import { tradeRoutesCatalog } from "./i18n.ts";
import { isOrderRejected, type OrderInput, OrderReceipt, orderInstruction, rejectedInput } from "./order-flow.tsx";

type Context = { values: FundOrderFormValues; fund: Instrument | undefined };

/** 投資信託 (R17, R18): 買付 (金額) / 解約 (口数) → 確認 (執行パスワード) → 受付; executes at the next NAV. */
function FundOrderPage() {
  const { t } = useT(tradeRoutesCatalog);
  const instruments = useInstruments();
  const balances = useBalances();
  const placeOrder = usePlaceOrder();
  const check = useCheckOrder();
  const guarded = useGuarded<FundOrderRequest, Context, PlacedOrder>();
  const [input, setInput] = useState<OrderInput<FundOrderFormValues, FundOrderField>>({ values: emptyFundOrder });
  const funds = instruments.data?.instruments.filter((instrument) => instrument.kind === "fund");
  const heldUnits = balances.data
    ? Object.fromEntries(balances.data.fundHoldings.map((holding) => [holding.code, holding.units]))
    : undefined;

  return (
    <GuardedFlow
      guarded={guarded}
      operation="place_order"
      confirmation={{
        ...orderInstruction(t),
        summary: (request, { fund }) => <FundOrderSummary request={request} fund={fund} />,
      }}
      execute={placeOrder.mutateAsync}
      onError={(error, _request, { values }) => rejectedInput(error, values, fundOrderFields, setInput)}
      onCancel={(_request, { values }) => setInput({ values, returned: true })}
      completion={{
        title: t("tradeRoutes.order.accepted"),
        children: (order) => (
          <OrderReceipt order={order}>
            <p>{t("tradeRoutes.fund.executesAtNextNav")}</p>
            <MailNotificationNote
              label={t("tradeRoutes.fund.mailLabel")}
              sentTo={order.executionMailTo}
              upcoming={{ when: t("tradeRoutes.order.whenFilled") }}
            />
          </OrderReceipt>
        ),
      }}
    >
      <InputStep title={t("tradeRoutes.order.inputTitle")} autoFocus={Boolean(input.returned) && !input.fieldErrors}>
        <NoticeAlert notice={input.notice} />
        <BuyingPower />
        {funds ? (
          <ExecutionPasswordLockNotice>
            <p>{t("tradeRoutes.fund.instruction")}</p>
            {check.isError && !isOrderRejected(check.error) && (
              <ApiErrorAlert error={check.error} lead={t("tradeRoutes.order.checkFailed")} />
            )}
            <FundOrderForm
              funds={funds}
              heldUnits={heldUnits}
              defaultValues={input.values}
              fieldErrors={input.fieldErrors}
              checking={check.isPending}
              onSubmit={(request, values) =>
                // Core checks first (issue 17 B2): 買付余力 and the units held, before any password.
                check.mutate(request, {
                  onSuccess: () => {
                    check.reset();
                    guarded.confirm(request, { values, fund: funds.find((fund) => fund.code === request.fundCode) });
                  },
                  onError: (error) => rejectedInput(error, values, fundOrderFields, setInput),
                })
              }
            />
          </ExecutionPasswordLockNotice>
        ) : (
          <QueryStatus query={instruments} what={t("tradeRoutes.fund.fundsWhat")} />
        )}
      </InputStep>
    </GuardedFlow>
  );
}

export function route() {
  return { Component: FundOrderPage };
}

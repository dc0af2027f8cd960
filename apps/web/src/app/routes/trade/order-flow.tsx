import type { Order } from "@kakunin/contracts/trading";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { OrderDetails } from "../../../features/trading/components/order-details.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { type FieldErrors, fieldErrorsOf } from "../../../lib/form-errors.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { type Notice, noticeOf } from "../../query-status.tsx";
import { paths } from "../../screens.ts";
import { tradeRoutesCatalog } from "./i18n.ts";

/** An order form as the customer left it: back from the confirmation, maybe with the refusal. */
export interface OrderInput<V, F extends string> {
  values: V;
  /** Back from a later step: focus goes to the section's heading (or the field in error). */
  returned?: boolean;
  fieldErrors?: FieldErrors<F> | undefined;
  notice?: Notice | undefined;
}

/** 株式注文 and 投資信託 confirm alike (with `t` of a component that names tradeRoutesCatalog). */
export function orderInstruction(t: Translate) {
  return {
    title: t("tradeRoutes.order.confirmTitle"),
    instruction: t("tradeRoutes.order.confirmInstruction"),
    submitLabel: t("tradeRoutes.order.submit"),
  };
}

export const isOrderRejected = (error: unknown) => isApiError(error) && error.code === "order_rejected";

/**
 * order_rejected: back to the input, with the messages on the fields they name, or as a
 * notice above the form when they name none of them. Any other failure stays on the confirmation.
 */
export function rejectedInput<V, F extends string>(
  error: unknown,
  values: V,
  fields: readonly F[],
  setInput: (input: OrderInput<V, F>) => void,
  aliases?: Partial<Record<string, F>>,
): boolean {
  if (!isApiError(error) || !isOrderRejected(error)) return false;
  const fieldErrors = fieldErrorsOf(error, fields, aliases ? { aliases } : {});
  setInput({ values, returned: true, ...(fieldErrors ? { fieldErrors } : { notice: noticeOf(error) }) });
  return true;
}

/** The completion of an order: what was accepted, and where to follow it. */
export function OrderReceipt({ order, children }: { order: Order; children: ReactNode }) {
  const { t } = useT(tradeRoutesCatalog);
  return (
    <>
      <OrderDetails order={order} />
      {children}
      <div className="kk-actions">
        <Link to={paths.tradeOrders}>{t("tradeRoutes.receipt.toOrders")}</Link>
        <Link to={paths.tradeBalances}>{t("tradeRoutes.receipt.toBalances")}</Link>
      </div>
    </>
  );
}

import { type ModifyOrderRequest, modifyOrderRequestSchema, type Order } from "@kakunin/contracts/trading";
import { TextField } from "@kakunin/ui/field";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormActions } from "../../../components/form-actions.tsx";
import { useServerFieldErrors } from "../../../lib/form-errors.ts";
import { decimalInput, fieldBinder, numericInput } from "../../../lib/form-fields.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { tradingCatalog } from "../i18n.ts";
import { numberText } from "../utils/order-text.ts";

export interface ModifyOrderFormValues {
  quantity: string;
  limitPrice: string;
}

export type ModifyOrderField = keyof ModifyOrderFormValues;
export const modifyOrderFields: readonly ModifyOrderField[] = ["quantity", "limitPrice"];

type Draft = { orderNumber: string; quantity: string; limitPrice: string };

export function modifyOrderFormSchema(orderNumber: string) {
  return z
    .object({ quantity: z.string(), limitPrice: z.string() })
    .transform(
      (values): Draft => ({
        orderNumber,
        quantity: numberText(values.quantity),
        limitPrice: numberText(values.limitPrice),
      }),
    )
    .pipe(modifyOrderRequestSchema as z.ZodType<ModifyOrderRequest, Draft>);
}

export function modifyDefaults(order: Order): ModifyOrderFormValues {
  return { quantity: String(order.quantity ?? ""), limitPrice: String(order.limitPrice ?? "") };
}

export interface ModifyOrderFormProps {
  order: Order;
  defaultValues?: ModifyOrderFormValues | undefined;
  fieldErrors?: Partial<Record<ModifyOrderField, string>> | undefined;
  onSubmit: (request: ModifyOrderRequest, values: ModifyOrderFormValues) => void;
  onCancel: () => void;
  /** Core is checking the 訂正 (before 訂正確認): the submit shows it is busy. */
  checking?: boolean;
}

/** 訂正: the new 数量 and 価格 of an open limit order → 「訂正確認」. */
export function ModifyOrderForm({
  order,
  defaultValues,
  fieldErrors,
  onSubmit,
  onCancel,
  checking = false,
}: ModifyOrderFormProps) {
  const { t } = useT(tradingCatalog);
  const resolver = useMemo(() => zodResolver(modifyOrderFormSchema(order.orderNumber)), [order.orderNumber]);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors },
  } = useForm<ModifyOrderFormValues, unknown, ModifyOrderRequest>({
    resolver,
    defaultValues: defaultValues ?? modifyDefaults(order),
  });

  useServerFieldErrors(setError, fieldErrors, modifyOrderFields);

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={handleSubmit((request) => onSubmit(request, getValues()))}>
      <TextField
        label={t("trading.term.quantity")}
        suffix={t("trading.unit.sharesSuffix")}
        {...numericInput}
        maxLength={12}
        {...field("quantity")}
      />
      <TextField
        label={t("trading.term.price")}
        suffix={t("trading.unit.yenSuffix")}
        {...decimalInput}
        maxLength={12}
        {...field("limitPrice")}
      />
      <FormActions
        submitLabel={t("trading.modifyForm.submit")}
        onCancel={onCancel}
        cancelLabel={t("trading.backToOrders")}
        loading={checking}
      />
    </form>
  );
}

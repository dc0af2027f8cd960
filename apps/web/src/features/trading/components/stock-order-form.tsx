import {
  type Instrument,
  type StockOrderRequest,
  sideSchema,
  stockOrderRequestSchema,
} from "@kakunin/contracts/trading";
import { TextField } from "@kakunin/ui/field";
import { RadioGroup } from "@kakunin/ui/radio-group";
import { useId, useMemo } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormActions } from "../../../components/form-actions.tsx";
import { useServerFieldErrors } from "../../../lib/form-errors.ts";
import { decimalInput, fieldBinder, numericInput } from "../../../lib/form-fields.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { tradingCatalog } from "../i18n.ts";
import {
  accountOf,
  numberText,
  priceTypeLabels,
  sideLabels,
  type TradeType,
  tradeTypeLabels,
} from "../utils/order-text.ts";
import { InstrumentQuote } from "./instrument-quote.tsx";

export interface StockOrderFormValues {
  instrumentCode: string;
  side: "buy" | "sell";
  tradeType: TradeType;
  quantity: string;
  priceType: "market" | "limit";
  limitPrice?: string | undefined;
}

export type StockOrderField = "instrumentCode" | "side" | "tradeType" | "quantity" | "priceType" | "limitPrice";
export const stockOrderFields: readonly StockOrderField[] = [
  "instrumentCode",
  "side",
  "tradeType",
  "quantity",
  "priceType",
  "limitPrice",
];

type Draft = Omit<StockOrderRequest, "quantity" | "limitPrice"> & { quantity: string; limitPrice: string | null };

/** Under 取引区分 when 信用新規 is disabled (an id). */
const marginUnavailableHint = "trading.stockForm.marginUnavailable";

/**
 * The form's schema: the contract's (the shape of an order). What depends on the market or
 * the account — 銘柄, 単元株数, tick, 値幅制限, holdings, 買付余力, the 信用取引口座 — is core's
 * to say, asked before the confirmation (check-order.ts, issue 17 B2): no copy here.
 */
export const stockOrderFormSchema = z
  .object({
    instrumentCode: z.string(),
    side: sideSchema,
    tradeType: z.enum(["cash", "margin_open", "margin_close"], { error: "trading.stockForm.tradeTypeRequired" }),
    quantity: z.string(),
    priceType: z.enum(["market", "limit"], { error: "trading.stockForm.priceTypeRequired" }),
    limitPrice: z.string().optional(),
  })
  .transform(
    (values): Draft => ({
      kind: "stock",
      instrumentCode: values.instrumentCode.normalize("NFKC").trim(),
      side: values.side,
      ...accountOf(values.tradeType),
      quantity: numberText(values.quantity),
      priceType: values.priceType,
      limitPrice: values.priceType === "limit" ? numberText(values.limitPrice) || null : null,
    }),
  )
  .pipe(stockOrderRequestSchema as z.ZodType<StockOrderRequest, Draft>);

export interface StockOrderFormProps {
  /** The stocks of the polled list; undefined while it loads (then core checks the code). */
  stocks: readonly Instrument[] | undefined;
  /**
   * From 残高照会: false disables 信用新規 and says why; undefined (loading, or not known)
   * leaves it enabled, core refusing a 信用新規 order without the account anyway.
   */
  marginAccountOpen?: boolean | undefined;
  defaultValues?: StockOrderFormValues | undefined;
  /** The server's word on fields (order_rejected), shown on them. */
  fieldErrors?: Partial<Record<StockOrderField, string>> | undefined;
  /** With exactly the body that will be confirmed and sent, and what was typed (for 戻る). */
  onSubmit: (request: StockOrderRequest, values: StockOrderFormValues) => void;
  /** Core is checking the order (before the confirmation): the submit shows it is busy. */
  checking?: boolean;
}

export const emptyStockOrder: StockOrderFormValues = {
  instrumentCode: "",
  side: "buy",
  tradeType: "cash",
  quantity: "",
  priceType: "market",
  limitPrice: "",
};

/** 株式注文の入力 → 「注文確認」, checked with the shared contract before anything is sent. */
export function StockOrderForm({
  stocks,
  marginAccountOpen,
  defaultValues = emptyStockOrder,
  fieldErrors,
  onSubmit,
  checking = false,
}: StockOrderFormProps) {
  const { t } = useT(tradingCatalog);
  const listId = useId();
  const resolver = useMemo(() => zodResolver(stockOrderFormSchema), []);
  const marginDisabled = marginAccountOpen === false;
  const {
    register,
    handleSubmit,
    setError,
    watch,
    getValues,
    formState: { errors },
  } = useForm<StockOrderFormValues, unknown, StockOrderRequest>({ resolver, defaultValues });

  useServerFieldErrors(setError, fieldErrors, stockOrderFields);

  const code = watch("instrumentCode").normalize("NFKC").trim();
  const priceType = watch("priceType");
  const stock = stocks?.find((instrument) => instrument.code === code);

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={handleSubmit((request) => onSubmit(request, getValues()))}>
      <TextField
        label={t("trading.stockForm.code")}
        hint={t("trading.stockForm.codeHint")}
        {...numericInput}
        maxLength={4}
        list={stocks ? listId : undefined}
        error={errors.instrumentCode?.message}
        details={stock && <InstrumentQuote instrument={stock} />}
        {...register("instrumentCode")}
      />
      {stocks && (
        <datalist id={listId}>
          {stocks.map((instrument) => (
            <option key={instrument.code} value={instrument.code}>
              {instrument.name}
            </option>
          ))}
        </datalist>
      )}
      <RadioGroup
        legend={t("trading.term.side")}
        inline
        options={(["buy", "sell"] as const).map((value) => ({ value, label: t(sideLabels[value]) }))}
        {...field("side")}
      />
      <RadioGroup
        legend={t("trading.term.tradeType")}
        inline
        options={(Object.keys(tradeTypeLabels) as TradeType[]).map((value) => ({
          value,
          label: t(tradeTypeLabels[value]),
          // 返済 stays open: closing a position is always allowed (core agrees).
          disabled: marginDisabled && value === "margin_open",
        }))}
        hint={marginDisabled ? t(marginUnavailableHint) : undefined}
        {...field("tradeType")}
      />
      <TextField
        label={t("trading.term.quantity")}
        hint={stock ? t("trading.stockForm.lotHint", { lot: stock.lotSize }) : t("trading.stockForm.quantityHint")}
        suffix={t("trading.unit.sharesSuffix")}
        {...numericInput}
        maxLength={12}
        {...field("quantity")}
      />
      <RadioGroup
        legend={t("trading.term.priceType")}
        inline
        options={(["market", "limit"] as const).map((value) => ({ value, label: t(priceTypeLabels[value]) }))}
        {...field("priceType")}
      />
      <TextField
        label={t("trading.term.price")}
        hint={t("trading.stockForm.priceHint")}
        suffix={t("trading.unit.yenSuffix")}
        {...decimalInput}
        maxLength={12}
        error={priceType === "limit" ? errors.limitPrice?.message : undefined}
        {...register("limitPrice")}
        disabled={priceType !== "limit"}
      />
      <FormActions submitLabel={t("trading.orderForm.submit")} loading={checking} />
    </form>
  );
}

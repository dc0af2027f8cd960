import { type FundOrderRequest, fundOrderRequestSchema, type Instrument, sideSchema } from "@kakunin/contracts/trading";
import { SelectField, TextField } from "@kakunin/ui/field";
import { RadioGroup } from "@kakunin/ui/radio-group";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormActions } from "../../../components/form-actions.tsx";
import { useServerFieldErrors } from "../../../lib/form-errors.ts";
import { fieldBinder, numericInput } from "../../../lib/form-fields.ts";
import { formatCount } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { tradingCatalog } from "../i18n.ts";
import { fundSideLabels, numberText } from "../utils/order-text.ts";
import { InstrumentQuote } from "./instrument-quote.tsx";

export interface FundOrderFormValues {
  fundCode: string;
  side: "buy" | "sell";
  amount?: string | undefined;
  units?: string | undefined;
}

export type FundOrderField = "fundCode" | "side" | "amount" | "units";
export const fundOrderFields: readonly FundOrderField[] = ["fundCode", "side", "amount", "units"];

type Draft = Omit<FundOrderRequest, "amount" | "units"> & { amount: string | null; units: string | null };

export const fundOrderFormSchema = z
  .object({
    fundCode: z.string(),
    side: sideSchema,
    amount: z.string().optional(),
    units: z.string().optional(),
  })
  .transform(
    (values): Draft => ({
      kind: "fund",
      fundCode: values.fundCode,
      side: values.side,
      amount: values.side === "buy" ? numberText(values.amount) || null : null,
      units: values.side === "sell" ? numberText(values.units) || null : null,
    }),
  )
  .pipe(fundOrderRequestSchema as z.ZodType<FundOrderRequest, Draft>);

export const emptyFundOrder: FundOrderFormValues = { fundCode: "", side: "buy", amount: "", units: "" };

export interface FundOrderFormProps {
  funds: readonly Instrument[];
  /** Units held per fund code, for 解約. */
  heldUnits?: Readonly<Record<string, number>> | undefined;
  defaultValues?: FundOrderFormValues | undefined;
  fieldErrors?: Partial<Record<FundOrderField, string>> | undefined;
  onSubmit: (request: FundOrderRequest, values: FundOrderFormValues) => void;
  /** Core is checking the order (before the confirmation): the submit shows it is busy. */
  checking?: boolean;
}

/** 投資信託: ファンド, 買付 (金額) or 解約 (口数) → 「注文確認」. */
export function FundOrderForm({
  funds,
  heldUnits,
  defaultValues = emptyFundOrder,
  fieldErrors,
  onSubmit,
  checking = false,
}: FundOrderFormProps) {
  const { t } = useT(tradingCatalog);
  const resolver = useMemo(() => zodResolver(fundOrderFormSchema), []);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    getValues,
    formState: { errors },
  } = useForm<FundOrderFormValues, unknown, FundOrderRequest>({ resolver, defaultValues, shouldUnregister: false });

  useServerFieldErrors(setError, fieldErrors, fundOrderFields);

  const fund = funds.find((instrument) => instrument.code === watch("fundCode"));
  const side = watch("side");
  const held = fund ? heldUnits?.[fund.code] : undefined;

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={handleSubmit((request) => onSubmit(request, getValues()))}>
      <SelectField
        label={t("trading.term.fund")}
        placeholder={t("trading.fundForm.choose")}
        options={funds.map((instrument) => ({ value: instrument.code, label: instrument.name }))}
        error={errors.fundCode?.message}
        details={fund && <InstrumentQuote instrument={fund} />}
        {...register("fundCode")}
      />
      <RadioGroup
        legend={t("trading.term.side")}
        inline
        options={(["buy", "sell"] as const).map((value) => ({ value, label: t(fundSideLabels[value]) }))}
        {...field("side")}
      />
      {side === "buy" ? (
        <TextField
          key="amount"
          label={t("trading.term.amount")}
          hint={t("trading.fundForm.amountHint")}
          suffix={t("trading.unit.yenSuffix")}
          {...numericInput}
          maxLength={14}
          {...field("amount")}
        />
      ) : (
        <TextField
          key="units"
          label={t("trading.term.units")}
          hint={
            held !== undefined
              ? t("trading.fundForm.heldUnits", { quantity: formatCount(held) })
              : t("trading.fundForm.unitsHint")
          }
          suffix={t("trading.unit.unitsSuffix")}
          {...numericInput}
          maxLength={14}
          {...field("units")}
        />
      )}
      <FormActions submitLabel={t("trading.orderForm.submit")} loading={checking} />
    </form>
  );
}

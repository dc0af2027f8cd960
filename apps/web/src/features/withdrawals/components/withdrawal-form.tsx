import { MAX_WITHDRAWAL_YEN, type WithdrawalRequest, withdrawalRequestSchema } from "@kakunin/contracts/withdrawals";
import { TextField } from "@kakunin/ui/field";
import { useEffect, useMemo } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormActions } from "../../../components/form-actions.tsx";
import { applyFieldErrors } from "../../../lib/form-errors.ts";
import { fieldBinder, numericInput } from "../../../lib/form-fields.ts";
import { contractsCatalog } from "../../../lib/i18n/shared-catalogs.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { withdrawalsCatalog } from "../i18n.ts";

export interface WithdrawalFormValues {
  amount: string;
}

/**
 * What the customer typed → the amount the shared schema checks. Full-width digits (IME),
 * spaces and thousands separators are accepted; anything but a plain decimal number is not
 * (no "1e6" or "0x10", which Number() would take). Messages are ids: the resolver words them.
 */
const amountText = z
  .string()
  .transform((value) => value.normalize("NFKC").replace(/[\s,]/g, ""))
  .pipe(
    z
      .string()
      .min(1, "withdrawals.amount.required")
      .regex(/^-?\d+(\.\d+)?$/, "withdrawals.amount.digitsOnly")
      // Past 2^53 a number is no longer exact, and the contract would call it "not whole".
      .refine((value) => Math.abs(Number(value)) <= MAX_WITHDRAWAL_YEN, "withdrawals.amount.tooLarge"),
  );

/** The form's schema: the contract's, plus 出金可能額, which only the screen knows. */
export function withdrawalFormSchema(bankAccountId: string, withdrawable: number) {
  return (
    z
      .object({ amount: amountText })
      .transform(({ amount }) => ({ amount, bankAccountId }))
      // The contract coerces its input (typed unknown); here it always receives the checked text.
      .pipe(withdrawalRequestSchema as z.ZodType<WithdrawalRequest, { amount: string; bankAccountId: string }>)
      .refine((request) => request.amount <= withdrawable, {
        path: ["amount"],
        message: "errors.insufficient_funds",
      })
  );
}

export interface WithdrawalFormProps {
  /** The registered destination shown on the screen: the request is bound to it (R13). */
  bankAccountId: string;
  withdrawable: number;
  /** What the customer entered before going back. */
  defaultAmount?: string | undefined;
  /** The server's word on the amount (e.g. insufficient_funds), shown on the field. */
  amountError?: string | undefined;
  /** With exactly the body that will be confirmed and sent. */
  onSubmit: (request: WithdrawalRequest) => void;
}

/** 出金金額 → 「出金確認」, validated with the BFF's own schema before anything is sent. */
export function WithdrawalForm({
  bankAccountId,
  withdrawable,
  defaultAmount = "",
  amountError,
  onSubmit,
}: WithdrawalFormProps) {
  // The contracts' catalogue words the schema's messages (errors.insufficient_funds, the contract's own).
  const { t } = useT(withdrawalsCatalog, contractsCatalog);
  const resolver = useMemo(
    () => zodResolver(withdrawalFormSchema(bankAccountId, withdrawable)),
    [bankAccountId, withdrawable],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<WithdrawalFormValues, unknown, WithdrawalRequest>({
    resolver,
    defaultValues: { amount: defaultAmount },
  });

  useEffect(() => {
    applyFieldErrors(setError, amountError ? { amount: amountError } : undefined);
  }, [amountError, setError]);

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={handleSubmit(onSubmit)}>
      <TextField
        label={t("withdrawals.amount")}
        hint={t("withdrawals.amount.hint")}
        suffix={t("withdrawals.amount.unit")}
        {...numericInput}
        maxLength={20}
        {...field("amount")}
      />
      <FormActions submitLabel={t("withdrawals.confirmWithdrawal")} />
    </form>
  );
}

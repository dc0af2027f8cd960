import { type BankAccountChange, bankAccountChangeSchema } from "@kakunin/contracts/withdrawals";
import { TextField } from "@kakunin/ui/field";
import { RadioGroup } from "@kakunin/ui/radio-group";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormActions } from "../../../components/form-actions.tsx";
import { type FieldErrors, useServerFieldErrors } from "../../../lib/form-errors.ts";
import { fieldBinder, numericInput } from "../../../lib/form-fields.ts";
import { contractsCatalog } from "../../../lib/i18n/shared-catalogs.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { withdrawalsCatalog } from "../i18n.ts";
import { accountTypeIds } from "../utils/account-type.ts";

export interface BankAccountChangeFormValues {
  bankName: string;
  branchName: string;
  accountType: BankAccountChange["accountType"];
  accountNumber: string;
  holderKana: string;
}

/**
 * NFKC first, so what an IME or a copy gives (１２３４５６７, ﾔﾏﾀﾞ ﾀﾛｳ) becomes what the shared
 * schema expects (1234567, ヤマダ タロウ); the confirmation shows the normalised values.
 */
const nfkc = (value: string) => value.normalize("NFKC");
const shape = bankAccountChangeSchema.shape;
const formSchema = z.object({
  bankName: z.string().transform(nfkc).pipe(shape.bankName),
  branchName: z.string().transform(nfkc).pipe(shape.branchName),
  accountType: shape.accountType,
  accountNumber: z.string().transform(nfkc).pipe(shape.accountNumber),
  holderKana: z.string().transform(nfkc).pipe(shape.holderKana),
});
const resolver = zodResolver(formSchema);

export const emptyBankAccountChange: BankAccountChangeFormValues = {
  bankName: "",
  branchName: "",
  accountType: "普通",
  accountNumber: "",
  holderKana: "",
};

export type BankAccountChangeField = keyof BankAccountChangeFormValues;
export const bankAccountChangeFields: readonly BankAccountChangeField[] = [
  "bankName",
  "branchName",
  "accountType",
  "accountNumber",
  "holderKana",
];

export interface BankAccountChangeFormProps {
  /** What the customer entered before going back from the confirmation. */
  defaultValues?: BankAccountChangeFormValues | undefined;
  /** With exactly the body that will be confirmed and sent. */
  onSubmit: (change: BankAccountChange) => void;
  /** The server's refusal of the entry (e.g. 口座名義 not the customer's own, R39), per field. */
  serverErrors?: FieldErrors<BankAccountChangeField> | undefined;
  /** The entry is being checked: the submit shows it is busy. */
  checking?: boolean;
}

/** The new 出金先口座 → 「変更確認」, validated with the BFF's own schema. */
export function BankAccountChangeForm({
  defaultValues = emptyBankAccountChange,
  onSubmit,
  serverErrors,
  checking = false,
}: BankAccountChangeFormProps) {
  // The contracts' catalogue words the shared schema's field messages.
  const { t } = useT(withdrawalsCatalog, contractsCatalog);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<BankAccountChangeFormValues, unknown, BankAccountChange>({ resolver, defaultValues });
  useServerFieldErrors(setError, serverErrors, bankAccountChangeFields);

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={handleSubmit(onSubmit)}>
      <TextField
        label={t("withdrawals.bankAccount.bankName")}
        hint={t("withdrawals.bankAccount.bankNameHint")}
        autoComplete="off"
        maxLength={30}
        {...field("bankName")}
      />
      <TextField
        label={t("withdrawals.bankAccount.branchName")}
        hint={t("withdrawals.bankAccount.branchNameHint")}
        autoComplete="off"
        maxLength={30}
        {...field("branchName")}
      />
      <RadioGroup
        legend={t("withdrawals.bankAccount.accountType")}
        inline
        options={[
          { value: "普通", label: t(accountTypeIds.普通) },
          { value: "当座", label: t(accountTypeIds.当座) },
        ]}
        {...field("accountType")}
      />
      <TextField
        label={t("withdrawals.bankAccount.accountNumber")}
        hint={t("withdrawals.bankAccount.accountNumberHint")}
        {...numericInput}
        maxLength={7}
        {...field("accountNumber")}
      />
      <TextField
        label={t("withdrawals.bankAccount.holderKana")}
        hint={t("withdrawals.bankAccount.holderKanaHint")}
        autoComplete="off"
        maxLength={40}
        {...field("holderKana")}
      />
      <FormActions submitLabel={t("withdrawals.bankAccountChange.submit")} loading={checking} />
    </form>
  );
}

import {
  annualIncomeOptions,
  financialAssetsOptions,
  marginAccountApplicationLabels as labels,
  type MarginAccountApplication,
  marginAccountApplicationSchema,
  stockExperienceOptions,
} from "@kakunin/contracts/margin-accounts";
import { RadioGroup } from "@kakunin/ui/radio-group";
import { useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormActions } from "../../../components/form-actions.tsx";
import { fieldBinder } from "../../../lib/form-fields.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";

type FormValues = z.input<typeof marginAccountApplicationSchema>;
/** Nothing chosen at first; what was entered when coming back from the confirmation. */
export type MarginAccountApplicationFormValues = Partial<FormValues>;

const resolver = zodResolver(marginAccountApplicationSchema);
const choices = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

export interface MarginAccountApplicationFormProps {
  /** What the customer entered before going back from the confirmation. */
  defaultValues?: MarginAccountApplicationFormValues | undefined;
  /** With exactly the body that will be confirmed and sent. */
  onSubmit: (application: MarginAccountApplication) => void;
}

/** The main points of the 信用取引口座設定約諾書, shown above the consent. */
function MarginAgreementSummary() {
  return (
    <div className="kk-note">
      <p>信用取引口座設定約諾書（要旨）</p>
      <ul>
        <li>信用取引は、委託保証金を担保に、その約3.3倍までのお取引ができます。</li>
        <li>株価の変動により、委託保証金を上回る損失が生じることがあります。</li>
        <li>委託保証金率が維持率を下回った場合は、追加の保証金（追証）を期日までに差し入れていただきます。</li>
        <li>建玉には弁済期限（制度信用取引は6か月）があり、期限までに返済していただきます。</li>
        <li>金利・貸株料などの費用がかかります。</li>
      </ul>
    </div>
  );
}

/**
 * 信用取引口座開設の申込: 投資経験, 年収, 金融資産 and consent to the 約諾書 → 申込内容の確認,
 * validated with the BFF's own schema. Every answer is accepted here; suitability is decided
 * at the broker's screening.
 */
export function MarginAccountApplicationForm({ defaultValues, onSubmit }: MarginAccountApplicationFormProps) {
  const agreementId = useId();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<FormValues, unknown, MarginAccountApplication>({
    resolver,
    ...(defaultValues ? { defaultValues } : {}),
  });

  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={handleSubmit(onSubmit)}>
      <RadioGroup
        legend={labels.stockExperience}
        options={choices(stockExperienceOptions)}
        {...field("stockExperience")}
      />
      <RadioGroup
        legend={labels.annualIncome}
        hint="税込みの年収（世帯ではなくお客様ご本人）"
        options={choices(annualIncomeOptions)}
        {...field("annualIncome")}
      />
      <RadioGroup
        legend={labels.financialAssets}
        hint="預貯金・株式・投資信託などの合計"
        options={choices(financialAssetsOptions)}
        {...field("financialAssets")}
      />
      <fieldset
        className={errors.agreement ? "kk-field kk-radio-group kk-field--invalid" : "kk-field kk-radio-group"}
        aria-describedby={errors.agreement ? `${agreementId}-error` : undefined}
      >
        <legend className="kk-field__label kk-radio-group__legend">信用取引口座設定約諾書</legend>
        <MarginAgreementSummary />
        <div className="kk-radio">
          <input
            id={`${agreementId}-input`}
            type="checkbox"
            className="kk-radio__input"
            aria-invalid={errors.agreement ? true : undefined}
            {...register("agreement")}
          />
          <span className="kk-radio__text">
            <label className="kk-radio__label" htmlFor={`${agreementId}-input`}>
              信用取引口座設定約諾書の内容を確認し、同意します
            </label>
          </span>
        </div>
        {errors.agreement?.message && (
          <p className="kk-field__error" id={`${agreementId}-error`}>
            {errors.agreement.message}
          </p>
        )}
      </fieldset>
      <FormActions submitLabel="申込内容の確認" />
    </form>
  );
}

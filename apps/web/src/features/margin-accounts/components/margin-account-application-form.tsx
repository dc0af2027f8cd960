import {
  annualIncomeOptions,
  financialAssetsOptions,
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
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { marginAccountsCatalog } from "../i18n.ts";
import { answerIds, type Question, questionLabelIds } from "../utils/application-text.ts";

type FormValues = z.input<typeof marginAccountApplicationSchema>;
/** Nothing chosen at first; what was entered when coming back from the confirmation. */
export type MarginAccountApplicationFormValues = Partial<FormValues>;

const resolver = zodResolver(marginAccountApplicationSchema);

/** The radios send the notice's answer; their labels are in the reader's language. */
function choices<Q extends Question>(question: Q, values: readonly MarginAccountApplication[Q][], t: Translate) {
  const ids = answerIds[question] as Record<string, string>;
  return values.map((value) => ({ value, label: t(ids[value] as string) }));
}

export interface MarginAccountApplicationFormProps {
  /** What the customer entered before going back from the confirmation. */
  defaultValues?: MarginAccountApplicationFormValues | undefined;
  /** With exactly the body that will be confirmed and sent. */
  onSubmit: (application: MarginAccountApplication) => void;
}

/** The main points of the 信用取引口座設定約諾書, shown above the consent. */
function MarginAgreementSummary() {
  const { t } = useT(marginAccountsCatalog);
  return (
    <div className="kk-note">
      <p>{t("marginAccounts.agreement.heading")}</p>
      <ul>
        <li>{t("marginAccounts.agreement.leverage")}</li>
        <li>{t("marginAccounts.agreement.losses")}</li>
        <li>{t("marginAccounts.agreement.marginCall")}</li>
        <li>{t("marginAccounts.agreement.deadline")}</li>
        <li>{t("marginAccounts.agreement.costs")}</li>
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
  const { t } = useT(marginAccountsCatalog);
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
        legend={t(questionLabelIds.stockExperience)}
        options={choices("stockExperience", stockExperienceOptions, t)}
        {...field("stockExperience")}
      />
      <RadioGroup
        legend={t(questionLabelIds.annualIncome)}
        hint={t("marginAccounts.form.annualIncomeHint")}
        options={choices("annualIncome", annualIncomeOptions, t)}
        {...field("annualIncome")}
      />
      <RadioGroup
        legend={t(questionLabelIds.financialAssets)}
        hint={t("marginAccounts.form.financialAssetsHint")}
        options={choices("financialAssets", financialAssetsOptions, t)}
        {...field("financialAssets")}
      />
      <fieldset
        className={errors.agreement ? "kk-field kk-radio-group kk-field--invalid" : "kk-field kk-radio-group"}
        aria-describedby={errors.agreement ? `${agreementId}-error` : undefined}
      >
        <legend className="kk-field__label kk-radio-group__legend">{t("marginAccounts.form.agreementLegend")}</legend>
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
              {t("marginAccounts.form.agreementConsent")}
            </label>
          </span>
        </div>
        {errors.agreement?.message && (
          <p className="kk-field__error" id={`${agreementId}-error`}>
            {errors.agreement.message}
          </p>
        )}
      </fieldset>
      <FormActions submitLabel={t("marginAccounts.form.submit")} />
    </form>
  );
}

import { z } from "zod";
import { messageRef } from "./message-ref.ts";
import { accountStatusSchema } from "./registered-info.ts";

/**
 * 信用取引口座開設 (R41): the customer's application, screened by an operator. The answers are
 * the suitability questions a broker must ask before opening a margin account; whether they
 * are suitable (e.g. 投資経験 なし) is the operator's decision at screening, not the form's.
 */
export const stockExperienceOptions = ["なし", "1年未満", "1〜3年", "3〜5年", "5年以上"] as const;
export const annualIncomeOptions = ["300万円未満", "300〜500万円", "500〜1,000万円", "1,000万円以上"] as const;
export const financialAssetsOptions = ["300万円未満", "300〜1,000万円", "1,000〜3,000万円", "3,000万円以上"] as const;

/** The labels the form, the confirmation, the mail and the audit trail use. */
export const marginAccountApplicationLabels = {
  stockExperience: "株式の投資経験",
  annualIncome: "年収",
  financialAssets: "金融資産",
  agreement: "信用取引口座設定約諾書への同意",
} as const;

/** The field message (an id) of an application without consent to the agreement. */
export const MARGIN_AGREEMENT_REQUIRED_MESSAGE = "validation.marginAccount.agreementRequired";

/** One schema for the form, the BFF (the confirmed payload) and core. */
export const marginAccountApplicationSchema = z.strictObject({
  stockExperience: z.enum(stockExperienceOptions, {
    error: messageRef("validation.select", { field: "fields.stockExperience" }),
  }),
  annualIncome: z.enum(annualIncomeOptions, {
    error: messageRef("validation.select", { field: "fields.annualIncome" }),
  }),
  financialAssets: z.enum(financialAssetsOptions, {
    error: messageRef("validation.select", { field: "fields.financialAssets" }),
  }),
  /** Consent to the 信用取引口座設定約諾書: without it there is no application. */
  agreement: z.literal(true, { error: MARGIN_AGREEMENT_REQUIRED_MESSAGE }),
});
export type MarginAccountApplication = z.infer<typeof marginAccountApplicationSchema>;

/** The stored application, as the customer sees it after applying. */
export const marginAccountApplicationViewSchema = z.object({
  id: z.uuid(),
  /** The 信用取引口座's status after the request: 審査中 until an operator decides. */
  status: accountStatusSchema,
  appliedAt: z.iso.datetime({ offset: true }),
  stockExperience: z.enum(stockExperienceOptions),
  annualIncome: z.enum(annualIncomeOptions),
  financialAssets: z.enum(financialAssetsOptions),
});
export type MarginAccountApplicationView = z.infer<typeof marginAccountApplicationViewSchema>;

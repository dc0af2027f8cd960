import type { MarginAccountApplication } from "@kakunin/contracts/margin-accounts";
import { DescriptionList } from "@kakunin/ui/description-list";
import { useT } from "../../../lib/i18n/use-t.ts";
import { marginAccountsCatalog } from "../i18n.ts";
import { answerIds, questionLabelIds } from "../utils/application-text.ts";

/** The confirmation (and the completion): the answers exactly as they will be sent. */
export function MarginAccountApplicationSummary({
  application,
}: {
  application: Omit<MarginAccountApplication, "agreement"> & { agreement?: true };
}) {
  const { t } = useT(marginAccountsCatalog);
  return (
    <DescriptionList
      items={[
        {
          term: t(questionLabelIds.stockExperience),
          detail: t(answerIds.stockExperience[application.stockExperience]),
        },
        { term: t(questionLabelIds.annualIncome), detail: t(answerIds.annualIncome[application.annualIncome]) },
        {
          term: t(questionLabelIds.financialAssets),
          detail: t(answerIds.financialAssets[application.financialAssets]),
        },
        { term: t("marginAccounts.summary.agreement"), detail: t("marginAccounts.summary.agreed") },
      ]}
    />
  );
}

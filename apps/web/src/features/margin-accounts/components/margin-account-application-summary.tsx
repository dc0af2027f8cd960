import {
  marginAccountApplicationLabels as labels,
  type MarginAccountApplication,
} from "@kakunin/contracts/margin-accounts";
import { DescriptionList } from "@kakunin/ui/description-list";

/** The confirmation (and the completion): the answers exactly as they will be sent. */
export function MarginAccountApplicationSummary({
  application,
}: {
  application: Omit<MarginAccountApplication, "agreement"> & { agreement?: true };
}) {
  return (
    <DescriptionList
      items={[
        { term: labels.stockExperience, detail: application.stockExperience },
        { term: labels.annualIncome, detail: application.annualIncome },
        { term: labels.financialAssets, detail: application.financialAssets },
        { term: "信用取引口座設定約諾書", detail: "同意する" },
      ]}
    />
  );
}

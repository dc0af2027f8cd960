import type { EmailChange } from "@kakunin/contracts/registered-info";
import { ChangeValue, DescriptionList } from "@kakunin/ui/description-list";
import { emailSlotLabel } from "./registered-email-list.tsx";

export interface EmailChangeSummaryProps {
  /** Exactly what will be sent. */
  change: EmailChange;
  /** The address in that slot now, or null (未登録). */
  before: string | null;
}

/** The confirmation's 変更前 → 変更後 of one registered address. */
export function EmailChangeSummary({ change, before }: EmailChangeSummaryProps) {
  return (
    <DescriptionList
      items={[
        { term: "変更するメールアドレス", detail: emailSlotLabel(change.position) },
        { term: "メールアドレス", detail: <ChangeValue before={before ?? "未登録"} after={change.address} /> },
      ]}
    />
  );
}

import type { EmailChange } from "@kakunin/contracts/registered-info";
import { ChangeValue, DescriptionList } from "@kakunin/ui/description-list";
import { useT } from "../../../lib/i18n/use-t.ts";
import { registeredInfoCatalog } from "../i18n.ts";
import { emailSlotLabel } from "./registered-email-list.tsx";

export interface EmailChangeSummaryProps {
  /** Exactly what will be sent. */
  change: EmailChange;
  /** The address in that slot now, or null (未登録). */
  before: string | null;
}

/** The confirmation's 変更前 → 変更後 of one registered address. */
export function EmailChangeSummary({ change, before }: EmailChangeSummaryProps) {
  const { t } = useT(registeredInfoCatalog);
  return (
    <DescriptionList
      items={[
        { term: t("registeredInfo.email.slotToChange"), detail: emailSlotLabel(change.position, t) },
        {
          term: t("registeredInfo.email.address"),
          detail: <ChangeValue before={before ?? t("registeredInfo.notRegistered")} after={change.address} />,
        },
      ]}
    />
  );
}

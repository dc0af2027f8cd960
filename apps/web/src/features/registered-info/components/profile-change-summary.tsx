import type { Profile, ProfileChange } from "@kakunin/contracts/registered-info";
import { ChangeValue, DescriptionList } from "@kakunin/ui/description-list";
import { useT } from "../../../lib/i18n/use-t.ts";
import { registeredInfoCatalog } from "../i18n.ts";
import { profileChangeItems } from "./profile-change-form.tsx";

export interface ProfileChangeSummaryProps {
  before: Pick<Profile, keyof ProfileChange>;
  /** Exactly what will be sent. */
  after: ProfileChange;
}

/** The confirmation's 変更前 → 変更後 for each editable item. */
export function ProfileChangeSummary({ before, after }: ProfileChangeSummaryProps) {
  const { t } = useT(registeredInfoCatalog);
  return (
    <DescriptionList
      items={profileChangeItems.map(({ name, label }) => ({
        term: t(label),
        detail: <ChangeValue before={before[name]} after={after[name]} unchanged={before[name] === after[name]} />,
      }))}
    />
  );
}

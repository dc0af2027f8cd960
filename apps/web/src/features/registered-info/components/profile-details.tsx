import type { Profile } from "@kakunin/contracts/registered-info";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatCalendarDate } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { registeredInfoCatalog } from "../i18n.ts";

type BankAccount = NonNullable<Profile["bankAccount"]>;

/** The account type arrives as core stores it (普通 / 当座); the words are the reader's. */
const accountTypeIds: Record<BankAccount["accountType"], string> = {
  普通: "registeredInfo.profile.accountType.ordinary",
  当座: "registeredInfo.profile.accountType.checking",
};

function bankAccountText(account: BankAccount, t: Translate): string {
  return [
    `${account.bankName} ${account.branchName}`,
    `${t(accountTypeIds[account.accountType])} ${account.accountNumberMasked}`,
    t("registeredInfo.profile.bankAccountHolder", { holder: account.holderKana }),
  ].join("\n");
}

/** 口座情報 as registered; the bank account number arrives masked. */
export function ProfileDetails({ profile }: { profile: Profile }) {
  const { t } = useT(registeredInfoCatalog);
  return (
    <DescriptionList
      items={[
        { term: t("registeredInfo.profile.name"), detail: profile.name },
        { term: t("registeredInfo.profile.nameKana"), detail: profile.nameKana },
        {
          term: t("registeredInfo.profile.birthDate"),
          detail: <time dateTime={profile.birthDate}>{formatCalendarDate(profile.birthDate)}</time>,
        },
        { term: t("registeredInfo.profile.postalCode"), detail: profile.postalCode },
        { term: t("registeredInfo.profile.address"), detail: profile.address },
        { term: t("registeredInfo.profile.phone"), detail: profile.phone },
        {
          term: t("registeredInfo.profile.bankAccount"),
          detail: profile.bankAccount ? bankAccountText(profile.bankAccount, t) : t("registeredInfo.notRegistered"),
        },
      ]}
    />
  );
}

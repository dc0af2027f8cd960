import type { Profile } from "@kakunin/contracts/registered-info";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatCalendarDate } from "../../../lib/format.ts";

function bankAccountText(account: NonNullable<Profile["bankAccount"]>): string {
  return [
    `${account.bankName} ${account.branchName}`,
    `${account.accountType} ${account.accountNumberMasked}`,
    `口座名義: ${account.holderKana}`,
  ].join("\n");
}

/** 口座情報 as registered; the bank account number arrives masked. */
export function ProfileDetails({ profile }: { profile: Profile }) {
  return (
    <DescriptionList
      items={[
        { term: "氏名", detail: profile.name },
        { term: "フリガナ", detail: profile.nameKana },
        {
          term: "生年月日",
          detail: <time dateTime={profile.birthDate}>{formatCalendarDate(profile.birthDate)}</time>,
        },
        { term: "郵便番号", detail: profile.postalCode },
        { term: "住所", detail: profile.address },
        { term: "電話番号", detail: profile.phone },
        { term: "出金先口座", detail: profile.bankAccount ? bankAccountText(profile.bankAccount) : "未登録" },
      ]}
    />
  );
}

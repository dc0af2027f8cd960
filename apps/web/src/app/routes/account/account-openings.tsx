import type { AccountOpening } from "@kakunin/contracts/registered-info";
import { Link } from "react-router";
import { useAccountOpenings } from "../../../features/registered-info/api/get-account-openings.ts";
import { AccountOpeningTable } from "../../../features/registered-info/components/account-opening-table.tsx";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { appCatalog } from "../../i18n.ts";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import { paths } from "../../screens.ts";
import { accountRoutesCatalog } from "./i18n.ts";

/** A 信用取引口座 that is 未開設 can be applied for from here (R41). */
const applyLink = (t: Translate) => (account: AccountOpening) =>
  account.kind === "信用取引口座" && account.status === "未開設" ? (
    <>
      {" "}
      <Link to={paths.marginApplication}>{t("account.openings.apply")}</Link>
    </>
  ) : null;

function AccountOpeningsPage() {
  const { t } = useT(appCatalog, accountRoutesCatalog);
  const openings = useAccountOpenings();
  return (
    <RegisteredInfoGate query={openings} label={t("screens.accountOpenings")} subject={t("account.openings.subject")}>
      {(data) => <AccountOpeningTable accounts={data.accounts} action={applyLink(t)} />}
    </RegisteredInfoGate>
  );
}

export function route() {
  return {
    Component: AccountOpeningsPage,
  };
}

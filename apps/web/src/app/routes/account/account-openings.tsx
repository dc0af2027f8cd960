import type { AccountOpening } from "@kakunin/contracts/registered-info";
import { Link } from "react-router";
import { useAccountOpenings } from "../../../features/registered-info/api/get-account-openings.ts";
import { AccountOpeningTable } from "../../../features/registered-info/components/account-opening-table.tsx";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import { paths, screens } from "../../screens.ts";

/** A 信用取引口座 that is 未開設 can be applied for from here (R41). */
const applyLink = (account: AccountOpening) =>
  account.kind === "信用取引口座" && account.status === "未開設" ? (
    <>
      {" "}
      <Link to={paths.marginApplication}>申し込む</Link>
    </>
  ) : null;

function AccountOpeningsPage() {
  const openings = useAccountOpenings();
  return (
    <RegisteredInfoGate query={openings} label={screens.accountOpenings.title} subject="口座開設状況">
      {(data) => <AccountOpeningTable accounts={data.accounts} action={applyLink} />}
    </RegisteredInfoGate>
  );
}

export function route() {
  return {
    Component: AccountOpeningsPage,
  };
}

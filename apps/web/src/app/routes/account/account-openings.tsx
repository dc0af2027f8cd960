import type { AccountOpening } from "@kakunin/contracts/registered-info";
import { Link } from "react-router";
import { useAccountOpenings } from "../../../features/registered-info/api/get-account-openings.ts";
import { AccountOpeningTable } from "../../../features/registered-info/components/account-opening-table.tsx";
import { paths } from "../../paths.ts";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import type { PageHandle } from "../app-layout.tsx";

const TITLE = "口座開設状況照会";

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
    <RegisteredInfoGate query={openings} label={TITLE} subject="口座開設状況">
      {(data) => <AccountOpeningTable accounts={data.accounts} action={applyLink} />}
    </RegisteredInfoGate>
  );
}

export function accountOpeningsRoute() {
  return {
    handle: { title: TITLE } satisfies PageHandle,
    Component: AccountOpeningsPage,
  };
}

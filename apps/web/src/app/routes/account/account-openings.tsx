import { useAccountOpenings } from "../../../features/registered-info/api/get-account-openings.ts";
import { AccountOpeningTable } from "../../../features/registered-info/components/account-opening-table.tsx";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import { screens } from "../../screens.ts";

function AccountOpeningsPage() {
  const openings = useAccountOpenings();
  return (
    <RegisteredInfoGate query={openings} label={screens.accountOpenings.title} subject="口座開設状況">
      {(data) => <AccountOpeningTable accounts={data.accounts} />}
    </RegisteredInfoGate>
  );
}

export function route() {
  return {
    Component: AccountOpeningsPage,
  };
}

import { useAccountOpenings } from "../../../features/registered-info/api/get-account-openings.ts";
import { AccountOpeningTable } from "../../../features/registered-info/components/account-opening-table.tsx";
import { RegisteredInfoGate } from "../../registered-info-gate.tsx";
import type { PageHandle } from "../app-layout.tsx";

const TITLE = "口座開設状況照会";

function AccountOpeningsPage() {
  const openings = useAccountOpenings();
  return (
    <RegisteredInfoGate query={openings} label={TITLE} subject="口座開設状況">
      {(data) => <AccountOpeningTable accounts={data.accounts} />}
    </RegisteredInfoGate>
  );
}

export function accountOpeningsRoute() {
  return {
    handle: { title: TITLE } satisfies PageHandle,
    Component: AccountOpeningsPage,
  };
}

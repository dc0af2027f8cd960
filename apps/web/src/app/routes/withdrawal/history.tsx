import { Link } from "react-router";
import { WithdrawalHistoryTable } from "../../../features/withdrawals/components/withdrawal-history-table.tsx";
import { paths } from "../../screens.ts";

function WithdrawalHistoryPage() {
  return (
    <div className="kk-stack">
      <p>
        出金のお申込みの記録です。新たに出金する場合は<Link to={paths.withdrawal}>出金</Link>からお申込みください。
      </p>
      <WithdrawalHistoryTable />
    </div>
  );
}

export function route() {
  return {
    Component: WithdrawalHistoryPage,
  };
}

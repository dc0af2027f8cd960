import { Link } from "react-router";
import { WithdrawalHistoryTable } from "../../../features/withdrawals/components/withdrawal-history-table.tsx";
import { withNodes } from "../../../features/withdrawals/utils/with-nodes.tsx";
import { useT } from "../../../lib/i18n/use-t.ts";
import { paths } from "../../screens.ts";
import { withdrawalRoutesCatalog } from "./i18n.ts";

function WithdrawalHistoryPage() {
  const { t } = useT(withdrawalRoutesCatalog);
  return (
    <div className="kk-stack">
      <p>
        {withNodes(t, "withdrawalRoutes.history.intro", {
          link: <Link to={paths.withdrawal}>{t("withdrawalRoutes.history.withdrawalLink")}</Link>,
        })}
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

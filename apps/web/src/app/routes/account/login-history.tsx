import { LoginHistoryTable } from "../../../features/login-history/components/login-history-table.tsx";
import { useT } from "../../../lib/i18n/use-t.ts";
import { accountRoutesCatalog } from "./i18n.ts";

function LoginHistoryPage() {
  const { t } = useT(accountRoutesCatalog);
  return (
    <div className="kk-stack">
      <p>{t("account.loginHistory.intro")}</p>
      <LoginHistoryTable />
    </div>
  );
}

export function route() {
  return {
    Component: LoginHistoryPage,
  };
}

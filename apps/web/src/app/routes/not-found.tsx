import { Link } from "react-router";
import { errorText } from "../../lib/i18n/error-text.ts";
import { contractsCatalog } from "../../lib/i18n/shared-catalogs.ts";
import { useT } from "../../lib/i18n/use-t.ts";
import { appCatalog } from "../i18n.ts";
import { AppPageLayout } from "../page-layout.tsx";
import { paths } from "../screen-routes.ts";

function NotFoundPage() {
  const { t } = useT(appCatalog, contractsCatalog);
  return (
    <AppPageLayout title={t("app.error.notFound")}>
      <div className="kk-stack">
        <p>{errorText("not_found")}</p>
        <p>
          <Link to={paths.home}>{t("app.backToHome")}</Link>
        </p>
      </div>
    </AppPageLayout>
  );
}

export function route() {
  return { Component: NotFoundPage };
}

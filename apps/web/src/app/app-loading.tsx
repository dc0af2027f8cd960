import { useT } from "../lib/i18n/use-t.ts";
import { appCatalog } from "./i18n.ts";

/** Shown while the first route's code and data load. */
export function AppLoading() {
  const { t } = useT(appCatalog);
  return (
    <p className="kk-loading" role="status">
      {t("app.loading")}
    </p>
  );
}

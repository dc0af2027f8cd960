import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from "react-router";
import { ApiErrorAlert } from "../components/api-error-alert.tsx";
import { isApiError } from "../lib/api-client.ts";
import { errorText } from "../lib/i18n/error-text.ts";
import { contractsCatalog } from "../lib/i18n/shared-catalogs.ts";
import { useT } from "../lib/i18n/use-t.ts";
import { appCatalog } from "./i18n.ts";
import { AppPageLayout } from "./page-layout.tsx";
import { paths } from "./screen-routes.ts";

interface ErrorView {
  /** A message id of the app catalogue. */
  title: string;
  message: string;
  requestId: string | undefined;
  retry: "revalidate" | "reload";
}

/** Never shows the raw error: stack traces and internals stay out of the page (R27). */
function describe(error: unknown): ErrorView {
  if (isApiError(error)) {
    return {
      title: error.code === "upstream_unavailable" ? "app.error.unavailable" : "app.error.generic",
      message: error.message,
      requestId: error.requestId,
      retry: "revalidate",
    };
  }
  if (isRouteErrorResponse(error) && error.status === 404) {
    return { title: "app.error.notFound", message: errorText("not_found"), requestId: undefined, retry: "reload" };
  }
  // Anything else is a bug or a failed chunk download (e.g. after a deploy): a reload fixes the latter.
  return {
    title: "app.error.generic",
    message: errorText("internal_error"),
    requestId: undefined,
    retry: "reload",
  };
}

function ErrorDetails({ view }: { view: ErrorView }) {
  const { t } = useT(appCatalog);
  const revalidator = useRevalidator();
  const retry = () => {
    if (view.retry === "revalidate") void revalidator.revalidate();
    else window.location.reload();
  };
  return (
    <div className="kk-stack">
      <ApiErrorAlert
        message={view.message}
        requestId={view.requestId}
        onRetry={retry}
        retrying={revalidator.state === "loading"}
      />
      <p>
        <Link to={paths.home}>{t("app.backToHome")}</Link>
      </p>
    </div>
  );
}

/** Root boundary: replaces the whole page, so it brings its own layout and h1. */
export function RouteError() {
  const { t } = useT(appCatalog, contractsCatalog);
  const view = describe(useRouteError());
  return (
    <AppPageLayout title={t(view.title)}>
      <ErrorDetails view={view} />
    </AppPageLayout>
  );
}

/** Boundary for pages inside the member layout: the header and menu stay usable. */
export function RouteErrorPanel() {
  useT(contractsCatalog);
  return <ErrorDetails view={describe(useRouteError())} />;
}

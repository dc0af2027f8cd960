import { PageLayout } from "@kakunin/ui/page-layout";
import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from "react-router";
import { ApiErrorAlert } from "../components/api-error-alert.tsx";
import { isApiError } from "../lib/api-client.ts";
import { errorText } from "../lib/i18n/error-text.ts";
import { paths } from "./screens.ts";

interface ErrorView {
  title: string;
  message: string;
  requestId: string | undefined;
  retry: "revalidate" | "reload";
}

/** Never shows the raw error: stack traces and internals stay out of the page (R27). */
function describe(error: unknown): ErrorView {
  if (isApiError(error)) {
    return {
      title: error.code === "upstream_unavailable" ? "サービスに接続できません" : "エラーが発生しました",
      message: error.message,
      requestId: error.requestId,
      retry: "revalidate",
    };
  }
  if (isRouteErrorResponse(error) && error.status === 404) {
    return { title: "ページが見つかりません", message: errorText("not_found"), requestId: undefined, retry: "reload" };
  }
  // Anything else is a bug or a failed chunk download (e.g. after a deploy): a reload fixes the latter.
  return {
    title: "エラーが発生しました",
    message: errorText("internal_error"),
    requestId: undefined,
    retry: "reload",
  };
}

function ErrorDetails({ view }: { view: ErrorView }) {
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
        <Link to={paths.home}>会員トップへ戻る</Link>
      </p>
    </div>
  );
}

/** Root boundary: replaces the whole page, so it brings its own layout and h1. */
export function RouteError() {
  const view = describe(useRouteError());
  return (
    <PageLayout title={view.title}>
      <ErrorDetails view={view} />
    </PageLayout>
  );
}

/** Boundary for pages inside the member layout: the header and menu stay usable. */
export function RouteErrorPanel() {
  return <ErrorDetails view={describe(useRouteError())} />;
}

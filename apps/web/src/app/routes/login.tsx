import type { AlertVariant } from "@kakunin/ui/alert";
import { Alert } from "@kakunin/ui/alert";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, redirect, useLoaderData, useNavigate, useSearchParams } from "react-router";
import { getSession, sessionQueryOptions } from "../../features/auth/api/get-session.ts";
import { LoginForm } from "../../features/auth/components/login-form.tsx";
import { authCatalog } from "../../features/auth/i18n.ts";
import { contractsCatalog } from "../../lib/i18n/shared-catalogs.ts";
import { useT } from "../../lib/i18n/use-t.ts";
import { safeReturnPath } from "../../lib/return-path.ts";
import { appCatalog } from "../i18n.ts";
import { AppPageLayout } from "../page-layout.tsx";
import { memberPaths, paths } from "../screen-routes.ts";

/** Why the customer is here, said above the form; messages are ids (see the catalogues). */
const reasonNotices: Record<string, { variant: AlertVariant; message: string }> = {
  session_expired: { variant: "warning", message: "errors.session_expired" },
  session_revoked: { variant: "warning", message: "errors.session_revoked" },
  unauthenticated: { variant: "info", message: "errors.unauthenticated" },
  logged_out: { variant: "success", message: "auth.login.loggedOut" },
};

/**
 * Reaching this screen means nobody is logged in in this tab: drop everything cached
 * (notices, history…). Done on mount, when no member page is left to refetch it.
 */
function useForgetPreviousCustomer() {
  const queryClient = useQueryClient();
  useEffect(() => {
    queryClient.clear();
  }, [queryClient]);
}

interface LoginLoaderData {
  /**
   * The BFF saw a session that timed out or was ended from another browser, even if the URL
   * carries no reason (e.g. a bookmark).
   */
  ended: "session_expired" | "session_revoked" | undefined;
}

function LoginPage() {
  // Its words are the auth feature's: the routes catalogue (会員トップ, password reset) would
  // only add to what a first visit downloads before the form shows (issue 16).
  const { t } = useT(appCatalog, authCatalog, contractsCatalog);
  useForgetPreviousCustomer();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const loaderData = useLoaderData<LoginLoaderData>();
  const reason = searchParams.get("reason") ?? loaderData.ended ?? "";
  const notice = reasonNotices[reason];
  // Back to the screen the session ended on, if it is one of ours (never an outside address).
  const next = safeReturnPath(searchParams.get("returnTo"), memberPaths) ?? paths.home;
  return (
    <AppPageLayout title={t("screens.login")}>
      <div className="kk-card kk-card--narrow kk-stack">
        {/* role="status", not "alert": an error alert after a failed login must stay the only alert. */}
        {notice && (
          <Alert variant={notice.variant}>
            <p>{t(notice.message)}</p>
          </Alert>
        )}
        <LoginForm onSuccess={() => navigate(next, { replace: true })} />
        <p>
          <Link to={paths.passwordReset}>{t("auth.login.forgotPassword")}</Link>
        </p>
      </div>
    </AppPageLayout>
  );
}

export function route(queryClient: QueryClient) {
  return {
    loader: async ({ request }: { request: Request }): Promise<LoginLoaderData | Response> => {
      try {
        // Ask the BFF directly, not through the cache: a cached "logged in" may be what just
        // ended, and writing "logged out" into the cache would make the member page still on
        // screen redirect on its own, racing this navigation.
        const session = await getSession();
        if (session.authenticated) {
          queryClient.setQueryData(sessionQueryOptions().queryKey, session);
          const returnTo = new URL(request.url).searchParams.get("returnTo");
          return redirect(safeReturnPath(returnTo, memberPaths) ?? paths.home);
        }
        return { ended: session.reason };
      } catch {
        // The form still works, and reports the outage itself, when the BFF cannot answer.
        return { ended: undefined };
      }
    },
    Component: LoginPage,
  };
}

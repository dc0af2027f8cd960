import { errorMessages } from "@kakunin/contracts/errors";
import type { AlertVariant } from "@kakunin/ui/alert";
import { Alert } from "@kakunin/ui/alert";
import { PageLayout } from "@kakunin/ui/page-layout";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, redirect, useLoaderData, useNavigate, useSearchParams } from "react-router";
import { getSession, sessionQueryOptions } from "../../features/auth/api/get-session.ts";
import { LoginForm } from "../../features/auth/components/login-form.tsx";
import { safeReturnPath } from "../../lib/return-path.ts";
import { memberPaths, paths } from "../screens.ts";

const reasonNotices: Record<string, { variant: AlertVariant; message: string }> = {
  session_expired: { variant: "warning", message: errorMessages.session_expired },
  session_revoked: { variant: "warning", message: errorMessages.session_revoked },
  unauthenticated: { variant: "info", message: errorMessages.unauthenticated },
  logged_out: { variant: "success", message: "ログアウトしました。" },
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
  useForgetPreviousCustomer();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const loaderData = useLoaderData<LoginLoaderData>();
  const reason = searchParams.get("reason") ?? loaderData.ended ?? "";
  const notice = reasonNotices[reason];
  // Back to the screen the session ended on, if it is one of ours (never an outside address).
  const next = safeReturnPath(searchParams.get("returnTo"), memberPaths) ?? paths.home;
  return (
    <PageLayout title="ログイン">
      <div className="kk-card kk-card--narrow kk-stack">
        {/* role="status", not "alert": an error alert after a failed login must stay the only alert. */}
        {notice && (
          <Alert variant={notice.variant}>
            <p>{notice.message}</p>
          </Alert>
        )}
        <LoginForm onSuccess={() => navigate(next, { replace: true })} />
        <p>
          <Link to={paths.passwordReset}>ログインパスワードをお忘れの方</Link>
        </p>
      </div>
    </PageLayout>
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

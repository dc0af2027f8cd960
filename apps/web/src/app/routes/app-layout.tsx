import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { PAGE_TITLE_ID } from "@kakunin/ui/page-layout";
import type { QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { Navigate, Outlet, redirect, useLocation, useMatches, useNavigate, useNavigationType } from "react-router";
import { useExtendSession } from "../../features/auth/api/extend-session.ts";
import { sessionQueryOptions, useSession } from "../../features/auth/api/get-session.ts";
import { useLogout } from "../../features/auth/api/logout.ts";
import { SessionExpiryDialog } from "../../features/auth/components/session-expiry-dialog.tsx";
import { useSessionExpiry } from "../../features/auth/model/use-session-expiry.ts";
import { isApiError } from "../../lib/api-client.ts";
import { activateLocale, currentLocale } from "../../lib/i18n/catalog.ts";
// Every member screen's forms word the contracts' field messages (ログイン does not need them).
import { formsCatalog } from "../../lib/i18n/forms-catalog.ts";
import { type Translate, useT } from "../../lib/i18n/use-t.ts";
import { AppMenu } from "../app-menu.tsx";
import { appCatalog } from "../i18n.ts";
import { AppPageLayout } from "../page-layout.tsx";
import { loginPath, type ScreenKey } from "../screen-routes.ts";

/**
 * Member pages declare which screen they are as `handle: { screen }` (the router does, from
 * the screens table); the layout renders its title, `screens.<key>`, once as the h1.
 */
export interface PageHandle {
  screen: ScreenKey;
}

function isPageHandle(handle: unknown): handle is PageHandle {
  return typeof handle === "object" && handle !== null && typeof (handle as { screen?: unknown }).screen === "string";
}

function usePageTitle(t: Translate): string {
  const matches = useMatches();
  const handle = matches.map((match) => match.handle).findLast(isPageHandle);
  return handle ? t(`screens.${handle.screen}`) : t("app.layout.memberPages");
}

/**
 * After client-side navigation, focus the new h1 so screen readers announce the page. That
 * includes arriving from outside this layout (ログイン → 会員トップ, issue 17 B8): the form that
 * had focus is gone, and focus would fall back to <body>. A page load (POP) keeps the
 * browser's own focus.
 */
function useFocusTitleOnNavigation() {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const previous = useRef(navigationType === "POP" ? pathname : null);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById(PAGE_TITLE_ID)?.focus();
  }, [pathname]);
}

function MemberLayout() {
  const { t } = useT(appCatalog, formsCatalog);
  const session = useSession();
  // Every navigation (a new location key) mounts the page afresh, so choosing 出金 in the
  // menu on the 出金 completion screen starts a new withdrawal instead of showing the old one.
  const { key: navigationKey, pathname, search } = useLocation();
  // Where to come back to after logging in again, when the session ended on this screen.
  const here = `${pathname}${search}`;
  const navigate = useNavigate();
  const title = usePageTitle(t);
  const logout = useLogout({ onSuccess: () => navigate(loginPath("logged_out"), { replace: true }) });
  useFocusTitleOnNavigation();

  const data = session.data;
  const { refetch } = session;
  const recheck = useCallback(() => void refetch(), [refetch]);
  const expiry = useSessionExpiry(data?.authenticated ? data : undefined, session.dataUpdatedAt, recheck);
  const extend = useExtendSession();
  // R36: logging in adopts the customer's stored language (the BFF has set the cookie to it).
  const sessionLocale = data?.authenticated ? data.locale : undefined;
  useEffect(() => {
    if (sessionLocale && sessionLocale !== currentLocale()) void activateLocale(sessionLocale);
  }, [sessionLocale]);
  // A background refetch (e.g. on returning to the tab, or at the idle deadline) may find the session gone.
  if (data && !data.authenticated) {
    return <Navigate to={loginPath(data.reason, data.reason ? here : undefined)} replace />;
  }
  const customer = data?.authenticated ? data.customer : undefined;

  return (
    <AppPageLayout
      title={title}
      headerEnd={
        customer && (
          <>
            <p className="kk-customer-name">{t("app.layout.customerName", { name: customer.name })}</p>
            <Button variant="secondary" loading={logout.isPending} onClick={() => logout.mutate()}>
              {t("app.layout.logout")}
            </Button>
          </>
        )
      }
      menu={<AppMenu />}
    >
      {logout.isError && (
        <Alert variant="error">
          <p>{t("app.layout.logoutFailed")}</p>
          {isApiError(logout.error) && <p>{logout.error.message}</p>}
        </Alert>
      )}
      <Outlet key={navigationKey} />
      {customer && expiry.warning && (
        <SessionExpiryDialog
          remainingMs={expiry.remainingMs}
          extending={extend.isPending}
          error={isApiError(extend.error) ? extend.error.message : undefined}
          onExtend={() => extend.mutate()}
          onLogout={() => logout.mutate()}
        />
      )}
    </AppPageLayout>
  );
}

export function appLayoutRoute(queryClient: QueryClient) {
  return {
    loader: async ({ request }: { request: Request }) => {
      const session = await queryClient.ensureQueryData(sessionQueryOptions());
      if (!session.authenticated) {
        const url = new URL(request.url);
        throw redirect(loginPath(session.reason, session.reason ? `${url.pathname}${url.search}` : undefined));
      }
      return null;
    },
    Component: MemberLayout,
  };
}

import type { QueryClient } from "@tanstack/react-query";
import type { DataRouter, RouteObject } from "react-router";
import { createQueryClient } from "../lib/query-client.ts";
import { createRoutes } from "./router.tsx";
import { loginPath, paths } from "./screen-routes.ts";

export interface CreateAppOptions {
  retryDelay?: number;
}

/**
 * Builds the QueryClient and the router together: the client's global error handler
 * must navigate, and the routes' loaders need the client. Tests pass createMemoryRouter.
 */
export function createApp(
  createRouter: (routes: RouteObject[]) => DataRouter,
  options: CreateAppOptions = {},
): { router: DataRouter; queryClient: QueryClient } {
  let router: DataRouter | undefined;
  const queryClient = createQueryClient({
    ...options,
    onSessionEnded: (reason) => {
      if (!router) return;
      const { location, navigation } = router.state;
      // Several calls can fail at once, and stray ones can finish after logout: leave only once.
      if (location.pathname === paths.login || navigation.location?.pathname === paths.login) return;
      // The login screen drops the cached data of the customer when it mounts. After a timeout
      // or a logout elsewhere, logging in again comes back here (issue 15); whatever was typed
      // on this screen lives in its components' state and goes with them.
      const returnTo = reason === "unauthenticated" ? undefined : `${location.pathname}${location.search}`;
      void router.navigate(loginPath(reason, returnTo), { replace: true });
    },
  });
  router = createRouter(createRoutes(queryClient));
  return { router, queryClient };
}

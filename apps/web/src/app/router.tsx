import type { QueryClient } from "@tanstack/react-query";
import type { LazyRouteFunction, RouteObject } from "react-router";
import { catalogsReady } from "../lib/i18n/catalog.ts";
import { AppLoading } from "./app-loading.tsx";
import { RouteError, RouteErrorPanel } from "./route-error.tsx";
import type { PageHandle } from "./routes/app-layout.tsx";
import { type Screen, screens } from "./screens.ts";

type LazyRoute = Awaited<ReturnType<LazyRouteFunction<RouteObject>>>;

/** Every route module exports this: its route properties; those with loaders take the QueryClient. */
interface RouteModule {
  route: (queryClient: QueryClient) => LazyRoute;
}

// Each screen is a lazy module (its own chunk), so each route's initial JS is only what it needs.
const modules = import.meta.glob<RouteModule>([
  "./routes/**/*.tsx",
  "!./routes/**/*.stories.tsx",
  "!./routes/**/*.test.tsx",
]);

function lazyModule(screen: Screen, queryClient: QueryClient) {
  const load = modules[`./routes/${screen.module}.tsx`];
  if (!load) throw new Error(`screens.ts: no route module routes/${screen.module}.tsx`);
  // The screen's catalogues start downloading as its modules are evaluated (defineCatalog);
  // waiting for them here means a screen never renders a message id.
  return async () => {
    const module = await load();
    await catalogsReady();
    return module.route(queryClient);
  };
}

function screenRoute(screen: Screen, queryClient: QueryClient): RouteObject {
  const lazy = lazyModule(screen, queryClient);
  if (screen.layout === "public") return { path: screen.path, lazy };
  return {
    // "/" is the member layout's index.
    ...(screen.path === "/" ? { index: true } : { path: screen.path }),
    // The layout renders the title once as the page's h1.
    handle: { title: screen.title } satisfies PageHandle,
    ErrorBoundary: RouteErrorPanel,
    lazy,
  };
}

/** The route tree, from the screens table: public screens, then the member layout's. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const all: readonly Screen[] = Object.values(screens);
  const publicScreens = all.filter((screen) => screen.layout === "public" && screen.path !== "*");
  const fallback = all.filter((screen) => screen.path === "*");
  return [
    {
      id: "root",
      ErrorBoundary: RouteError,
      HydrateFallback: AppLoading,
      children: [
        ...publicScreens.map((screen) => screenRoute(screen, queryClient)),
        {
          id: "member",
          lazy: () =>
            import("./routes/app-layout.tsx").then(async (m) => {
              await catalogsReady();
              return m.appLayoutRoute(queryClient);
            }),
          children: all
            .filter((screen) => screen.layout === "member")
            .map((screen) => screenRoute(screen, queryClient)),
        },
        ...fallback.map((screen) => screenRoute(screen, queryClient)),
      ],
    },
  ];
}

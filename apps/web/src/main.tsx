import "@kakunin/ui/styles.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { createApp } from "./app/create-app.ts";
import { sessionQueryOptions } from "./features/auth/api/get-session.ts";
import { getLocale } from "./features/locale/api/get-locale.ts";
import { bootstrapLocale } from "./lib/i18n/bootstrap.ts";
import "./app/i18n.ts";
import "./lib/i18n/shared-catalogs.ts";
import { trackUserInput } from "./lib/user-input.ts";

trackUserInput(window);

const { router, queryClient } = createApp((routes) => createBrowserRouter(routes));
// A signed-in screen's loader asks for the session first; asking now overlaps that round trip
// with the download of the screen's lazy chunks instead of following it (issue 16: LCP on a
// phone). ログイン asks the BFF itself, uncached.
if (router.state.matches.some((match) => match.route.id === "member")) {
  void queryClient.prefetchQuery(sessionQueryOptions());
}

// The language comes first: the shell's catalogues (and the first screen's, which its lazy route
// awaits) are fetched in it, so nothing is shown in one language and then redrawn in another.
const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

void bootstrapLocale(getLocale).then(() =>
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  ),
);

import "@kakunin/ui/styles.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { createApp } from "./app/create-app.ts";
import { sessionQueryOptions } from "./features/auth/api/get-session.ts";
import { trackUserInput } from "./lib/user-input.ts";

trackUserInput(window);

const { router, queryClient } = createApp((routes) => createBrowserRouter(routes));
// A signed-in screen's loader asks for the session first; asking now overlaps that round trip
// with the download of the screen's lazy chunks instead of following it (issue 16: LCP on a
// phone). ログイン asks the BFF itself, uncached.
if (router.state.matches.some((match) => match.route.id === "member")) {
  void queryClient.prefetchQuery(sessionQueryOptions());
}

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);

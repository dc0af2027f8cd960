import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { createApp } from "../app/create-app.ts";

/** Renders the real route tree (lazy modules, loaders, global error handling) at `path`. */
export function renderApp(path: string) {
  const { router, queryClient } = createApp((routes) => createMemoryRouter(routes, { initialEntries: [path] }), {
    retryDelay: 0,
  });
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient, user };
}

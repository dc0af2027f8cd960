import { QueryClientProvider } from "@tanstack/react-query";
import type {} from "msw-storybook-addon/csf3";
import { useState } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { createApp } from "../app/create-app.ts";

/**
 * A screen story: the real route tree (lazy routes, loaders, error handling) at `path`,
 * with a fresh QueryClient and memory router per story. The API answers from MSW.
 */
export function AppScreen({ path }: { path: string }) {
  const [app] = useState(() =>
    createApp((routes) => createMemoryRouter(routes, { initialEntries: [path] }), { retryDelay: 0 }),
  );
  return (
    <QueryClientProvider client={app.queryClient}>
      <RouterProvider router={app.router} />
    </QueryClientProvider>
  );
}

/** Story parameters for a screen at phone width. */
export const phone = { viewport: { value: "phone", isRotated: false } } as const;

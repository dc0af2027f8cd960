import "@kakunin/ui/styles.css";
import type { Preview } from "@storybook/react-vite";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { setupWorker } from "msw/browser";
import { mswLoader } from "msw-storybook-addon/csf3";
import { type ReactNode, useState } from "react";
import { MemoryRouter } from "react-router";
import { defaultHandlers, unhandledApi } from "../src/testing/msw-handlers.ts";

function ComponentProviders({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

const preview: Preview = {
  loaders: [
    mswLoader(async () => {
      // unhandledApi is an initial handler: it answers only what no story handler does.
      const worker = setupWorker(unhandledApi);
      await worker.start({ quiet: true, onUnhandledRequest: "bypass" });
      return worker;
    }),
  ],
  decorators: [
    // Component stories get a fresh QueryClient and router; screen stories (AppScreen) build their own.
    (Story, { parameters }) =>
      parameters.screen ? (
        <Story />
      ) : (
        <ComponentProviders>
          <Story />
        </ComponentProviders>
      ),
  ],
  parameters: {
    layout: "fullscreen",
    msw: { handlers: defaultHandlers },
    a11y: { test: "error", options: { runOnly: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] } },
    viewport: {
      options: {
        desktop: { name: "デスクトップ (1280px)", styles: { width: "1280px", height: "800px" }, type: "desktop" },
        phone: { name: "スマートフォン (375px)", styles: { width: "375px", height: "812px" }, type: "mobile" },
      },
    },
  },
  initialGlobals: { viewport: { value: "desktop", isRotated: false } },
};

export default preview;

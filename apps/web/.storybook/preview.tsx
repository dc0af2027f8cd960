import "@kakunin/ui/styles.css";
import type { Preview } from "@storybook/react-vite";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { setupWorker } from "msw/browser";
import { mswLoader } from "msw-storybook-addon/csf3";
import { type ReactNode, useState } from "react";
import { MemoryRouter } from "react-router";
import { configure } from "storybook/test";
import { activateLocale } from "../src/lib/i18n/catalog.ts";
import { defaultHandlers, unhandledApi } from "../src/testing/msw-handlers.ts";
import "../src/lib/i18n/shared-catalogs.ts";

// Every catalogue of the SPA, declared up front and loaded before a story renders: a component
// story shows words at once (its visual baseline), never message ids or a suspended blank.
import.meta.glob(["../src/**/i18n.ts"], { eager: true });

function ComponentProviders({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

// Play functions wait for what the screen shows next. In CI two workers share two cores with
// Chromium and axe, and one step in ~300 checks outlasted a 5 s wait that takes ~0.2 s here, so
// every wait gets 10 s (well inside the check's own limit). When one still fails, the message
// carries the text of the screen's main part (its alerts say what happened) instead of a DOM
// dump that the check's log cuts off after the page header.
configure({
  asyncUtilTimeout: 10_000,
  getElementError: (message, container) => {
    const shown = (container as Element | null)?.querySelector("main") ?? container;
    const text = shown?.textContent?.replace(/\s+/g, " ").trim().slice(0, 400);
    const error = new Error(`${message?.split("\n")[0] ?? "element not found"} — screen text: ${text}`);
    error.name = "TestingLibraryElementError";
    return error;
  },
});

const preview: Preview = {
  loaders: [
    mswLoader(async () => {
      // unhandledApi is an initial handler: it answers only what no story handler does.
      const worker = setupWorker(unhandledApi);
      await worker.start({ quiet: true, onUnhandledRequest: "bypass" });
      return worker;
    }),
    // The toolbar's 言語 / Language (R36), or a story's own `globals.locale`: its catalogues are
    // loaded and <html lang> set before it renders, so axe checks each story in its language.
    async ({ globals }) => {
      await activateLocale(globals.locale === "en" ? "en" : "ja");
    },
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
  globalTypes: {
    locale: {
      description: "言語 / Language",
      toolbar: {
        title: "言語 / Language",
        icon: "globe",
        items: [
          { value: "ja", title: "日本語" },
          { value: "en", title: "English" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { viewport: { value: "desktop", isRotated: false }, locale: "ja" },
};

export default preview;

import { test as base, expect, type Page } from "@playwright/test";

type Preview = { currentRender?: { id?: string; phase?: string } };
type StorybookWindow = Window & {
  __STORYBOOK_PREVIEW__?: Preview;
  __STORYBOOK_ADDONS_CHANNEL__?: { emit: (event: string, payload: unknown) => void };
};

/**
 * Opens a story and waits until Storybook has rendered it and run its play function.
 *
 * Each story gets a fresh document (a full navigation: nothing a story leaves in the page can
 * reach the next one), but the page and its browser context are reused within a worker (see
 * `test` below) and serve-static.mjs lets the browser keep Vite's hashed assets. A new page per
 * story cost a renderer process and the whole preview bundle again, 12–20 s per check here.
 * (Switching stories through the preview's channel was faster still, but let one story's state
 * reach the next: a play function failed only after certain predecessors.)
 */
export async function openStory(page: Page, id: string) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Error-state stories answer /api calls with 4xx/5xx on purpose; the browser logs each one.
    if (message.text().startsWith("Failed to load resource") && message.location().url.includes("/api/")) return;
    problems.push(`console.error: ${message.text().slice(0, 500)}`);
  });
  page.on("pageerror", (error) => {
    // MSW (the previews' mock API, never part of the app) calls registration.update() without
    // awaiting it whenever its worker is already registered — every story after a worker's
    // first, since the page is reused. Chrome now and then rejects that update ("Not found",
    // 3 of 290 checks in CI) while the registered worker goes on serving the mocks: an artefact
    // of the preview harness, so only this exact message about MSW's script is let through.
    if (
      /^Failed to update a ServiceWorker for scope \(.*\) with script \('.*\/mockServiceWorker\.js'\)/.test(
        error.message,
      )
    ) {
      return;
    }
    problems.push(`page error: ${error.message}`);
  });
  await page.goto(`/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
  await page.waitForFunction(
    (storyId) => {
      const render = (window as StorybookWindow).__STORYBOOK_PREVIEW__?.currentRender;
      return render?.id === storyId && ["finished", "errored", "aborted"].includes(render.phase ?? "");
    },
    id,
    { timeout: 20_000 },
  );
  const phase = await page.evaluate(() => (window as StorybookWindow).__STORYBOOK_PREVIEW__?.currentRender?.phase);
  expect(phase, `story ${id} did not finish`).toBe("finished");
  await expect(page.locator("#storybook-root > *").first()).toBeAttached();
  return problems;
}

/**
 * `storyPage`: one page per worker, navigated from story to story (see openStory). Each test's
 * console listeners are removed after it. Playwright replaces a worker after a failed test, so a
 * story that breaks the page cannot spoil the next one's check.
 */
export const test = base.extend<{ storyPage: Page }, { workerStoryPage: Page }>({
  workerStoryPage: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, locale, timezoneId } = workerInfo.project.use;
      // The desktop width designers preview at (visual.spec.ts checks the phone width too).
      const viewport = { width: 1280, height: 800 };
      const context = await browser.newContext({ baseURL, locale, timezoneId, viewport });
      await use(await context.newPage());
      await context.close();
    },
    { scope: "worker" },
  ],
  storyPage: async ({ workerStoryPage }, use) => {
    await use(workerStoryPage);
    workerStoryPage.removeAllListeners("console");
    workerStoryPage.removeAllListeners("pageerror");
  },
});

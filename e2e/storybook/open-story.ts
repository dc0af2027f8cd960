import { expect, type Page } from "@playwright/test";

/** Opens a story alone and waits until Storybook has rendered it and run its play function. */
export async function openStory(page: Page, id: string) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Error-state stories answer /api calls with 4xx/5xx on purpose; the browser logs each one.
    if (message.text().startsWith("Failed to load resource") && message.location().url.includes("/api/")) return;
    problems.push(`console.error: ${message.text().slice(0, 500)}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
  await page.waitForFunction(
    () => {
      const phase = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__
        ?.currentRender?.phase;
      return phase === "finished" || phase === "errored" || phase === "aborted";
    },
    undefined,
    { timeout: 20_000 },
  );
  const phase = await page.evaluate(
    () =>
      (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__
        ?.currentRender?.phase,
  );
  expect(phase, `story ${id} did not finish`).toBe("finished");
  await expect(page.locator("#storybook-root > *").first()).toBeAttached();
  return problems;
}

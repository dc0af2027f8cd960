import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";
import { openStory, test } from "./open-story.ts";

// Every story of the built Storybook renders (and its play function passes) without console
// errors, and axe finds no WCAG 2.2 AA violations in it. The list comes from the build itself.
const indexFile = fileURLToPath(new URL("../../apps/web/storybook-static/index.json", import.meta.url));
const index = JSON.parse(readFileSync(indexFile, "utf8")) as {
  entries: Record<string, { id: string; title: string; name: string; type: string }>;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === "story");

for (const story of stories) {
  test(`${story.title} / ${story.name}`, async ({ storyPage: page }) => {
    const problems = await openStory(page, story.id);
    const axe = await new AxeBuilder({ page })
      .include("#storybook-root")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      // Legacy mode runs axe in the story's page alone. The default opens a second blank page and
      // injects axe again to merge results from cross-origin frames, which a story has none of;
      // that doubled each check's time.
      .setLegacyMode(true)
      .analyze();
    const violations = axe.violations.map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(", ")})`,
    );
    expect(violations, "axe violations").toEqual([]);
    expect(problems, "console errors").toEqual([]);
  });
}

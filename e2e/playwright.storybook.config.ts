import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";

// Runs over the built Storybook (npm run storybook:build): no backend, no network.
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const port = 6007;

export default defineConfig({
  testDir: "./storybook",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Generous for a loaded machine (two cores shared with the build): a story check takes 2–10 s.
  timeout: 60_000,
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report-storybook" }]],
  snapshotPathTemplate: "{testDir}/__screenshots__/{testFilePath}/{arg}{ext}",
  expect: { toHaveScreenshot: { animations: "disabled", caret: "hide", maxDiffPixelRatio: 0 } },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  },
  projects: [
    {
      name: "storybook",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
          args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    command: `node ${repoRoot}e2e/serve-static.mjs ${repoRoot}apps/web/storybook-static ${port}`,
    url: `http://127.0.0.1:${port}/index.json`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});

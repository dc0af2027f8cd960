import { expect, test } from "@playwright/test";
import { openStory } from "./open-story.ts";

// Visual baselines of 会員トップ and the confirmation screens, rendered from the built
// Storybook (fixed fixtures: no clock, no random data). Baselines are tied to this machine's
// Chromium and fonts (fonts-noto-cjk); update with `npm run test:storybook -w @kakunin/e2e -- --update-snapshots`.
const screens = [
  { name: "member-top", id: "画面-会員トップ--お知らせあり" },
  { name: "step-up-password", id: "画面-口座情報照会・変更--確認-執行パスワード" },
  { name: "step-up-password-and-code", id: "画面-口座情報照会・変更--確認-執行パスワードと認証コード" },
  { name: "withdrawal-confirmation", id: "画面-出金--確認-認証コード" },
  { name: "stock-order-confirmation", id: "画面-株式注文--注文確認" },
];
const widths = [
  { label: "desktop", width: 1280, height: 800 },
  { label: "phone", width: 375, height: 812 },
];

for (const { label, width, height } of widths) {
  test.describe(label, () => {
    test.use({ viewport: { width, height } });
    for (const screen of screens) {
      test(`${screen.name} (${width}px)`, async ({ page }) => {
        const problems = await openStory(page, screen.id);
        expect(problems).toEqual([]);
        await page.evaluate(() => document.fonts.ready);
        // Focus rings follow the play function's last click; blur so only the design is compared.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await expect(page).toHaveScreenshot(`${screen.name}-${label}.png`, { fullPage: true });
      });
    }
  });
}

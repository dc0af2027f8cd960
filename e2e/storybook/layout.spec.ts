import { expect, test } from "@playwright/test";
import { openStory } from "./open-story.ts";

// Issue 17 B3: 注文照会 at a desktop width shows every column, 訂正・取消 included, without
// scrolling sideways, with 銘柄 readable; on a phone every order is a card of label: value.
const ordersStory = "画面-注文照会--一覧";

test.describe("注文照会 at 1280×800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("訂正・取消 are in view, nothing scrolls sideways, 銘柄 is not squeezed", async ({ page }) => {
    expect(await openStory(page, ordersStory)).toEqual([]);
    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "取引区分" })).toBeVisible();
    const wrap = page.locator(".kk-table-wrap");
    const overflow = await wrap.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const modify = page.getByRole("button", { name: /を訂正$/ }).first();
    await expect(modify).toBeInViewport();
    // One line for a name like トヨタ自動車（7203）: far wider than one character.
    const name = table.getByRole("cell", { name: /（\d{4}）$/ }).first();
    const box = await name.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
  });
});

test.describe("注文照会 on a phone (375×812)", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("each order is a card of labelled values, and the page does not scroll sideways", async ({ page }) => {
    expect(await openStory(page, ordersStory)).toEqual([]);
    const firstRow = page.getByRole("table").getByRole("row").nth(1);
    await expect(firstRow).toBeVisible();
    expect(await firstRow.evaluate((el) => getComputedStyle(el).display)).toBe("block");
    const label = await firstRow
      .locator("td[data-label='取引区分']")
      .evaluate((el) => getComputedStyle(el, "::before").content);
    expect(label).toBe('"取引区分"');
    const pageOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(pageOverflow).toBeLessThanOrEqual(0);
  });
});

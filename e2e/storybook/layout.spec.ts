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

// Issue 17: every other list is a card per row on a phone as well, so none scrolls sideways,
// not even inside its own box; at a desktop width each keeps its header row.
const lists = [
  { id: "画面-出金申込履歴--一覧", label: "出金先" },
  { id: "画面-ログイン履歴--新しい端末", label: "結果" },
  { id: "画面-ログイン中の端末--一覧", label: "IPアドレス" },
  { id: "画面-残高照会--残高", label: "評価損益" },
  { id: "画面-パスキー設定--一覧", label: "最終利用" },
  { id: "画面-口座開設状況照会--一覧", label: "開設日" },
  { id: "画面-メールサービス配信設定--一覧", label: "配信先" },
];

test.describe("lists at 320px", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const { id, label } of lists) {
    test(`${id}: each row is a card of labelled values, nothing scrolls sideways`, async ({ page }) => {
      expect(await openStory(page, id)).toEqual([]);
      const tables = page.getByRole("table");
      await expect(tables.first()).toBeVisible();
      for (const table of await tables.all()) {
        // The header row is left to screen readers: a 1px clipped box.
        const head = await table.locator("thead").boundingBox();
        expect(head?.width ?? 0).toBeLessThanOrEqual(1);
        const firstRow = table.locator("tbody tr").first();
        expect(await firstRow.evaluate((el) => getComputedStyle(el).display)).toBe("block");
      }
      const cell = page.locator(`tbody td[data-label='${label}']`).first();
      expect(await cell.evaluate((el) => getComputedStyle(el, "::before").content)).toBe(`"${label}"`);
      // The table's own box scrolls sideways too when a row is wider than the phone.
      const boxes = await page
        .locator(".kk-table-wrap")
        .evaluateAll((els) => els.map((el) => el.scrollWidth - el.clientWidth));
      for (const overflow of boxes) expect(overflow).toBeLessThanOrEqual(0);
      const pageOverflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(pageOverflow).toBeLessThanOrEqual(0);
    });
  }

  test("ログイン中の端末: ログアウト is a whole button inside its card", async ({ page }) => {
    expect(await openStory(page, "画面-ログイン中の端末--一覧")).toEqual([]);
    // The card may sit below the fold: only the sideways extent is compared, with the card's and the phone's.
    const row = page.getByRole("row", { name: /^Safari 17/ });
    const card = await row.boundingBox();
    const box = await row.getByRole("button", { name: "Safari 17（iOS 17.5）をログアウト" }).boundingBox();
    const right = (box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY);
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(card?.x ?? 0);
    expect(right).toBeLessThanOrEqual((card?.x ?? 0) + (card?.width ?? 0));
    expect(right).toBeLessThanOrEqual(320);
  });

  test("パスキー設定: 名前の変更 and 削除 share one line inside each card", async ({ page }) => {
    expect(await openStory(page, "画面-パスキー設定--一覧")).toEqual([]);
    const row = page.getByRole("row", { name: /^Safari/ });
    const rename = await row.getByRole("button", { name: "名前の変更" }).boundingBox();
    const remove = await row.getByRole("button", { name: "削除" }).boundingBox();
    const card = await row.boundingBox();
    expect(Math.round(remove?.y ?? 0)).toBe(Math.round(rename?.y ?? -1));
    const right = (remove?.x ?? 0) + (remove?.width ?? Number.POSITIVE_INFINITY);
    expect(right).toBeLessThanOrEqual((card?.x ?? 0) + (card?.width ?? 0));
    expect(right).toBeLessThanOrEqual(320);
  });
});

test.describe("lists at 1280×800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const { id, label } of lists) {
    test(`${id} keeps its header row`, async ({ page }) => {
      expect(await openStory(page, id)).toEqual([]);
      await expect(page.getByRole("columnheader", { name: label }).first()).toBeVisible();
      const firstRow = page.locator("tbody tr").first();
      expect(await firstRow.evaluate((el) => getComputedStyle(el).display)).toBe("table-row");
    });
  }
});

// Issue 17, phone first: the page starts with its h1 and content; the menu waits behind the
// header's 「メニュー」 button; nothing scrolls sideways even at 320px.
test.describe("a phone (375×812)", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("出金 starts with its heading; the menu opens from the header and Escape closes it", async ({ page }) => {
    expect(await openStory(page, "画面-出金--入力")).toEqual([]);
    const heading = page.getByRole("heading", { level: 1, name: "出金" });
    const box = await heading.boundingBox();
    expect(box?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(200);
    const nav = page.getByRole("navigation", { name: "メニュー" });
    await expect(nav).toBeHidden();
    const button = page.getByRole("button", { name: "メニュー" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await button.click();
    await expect(nav).toBeVisible();
    await expect(page.getByRole("button", { name: "メニューを閉じる" })).toHaveAttribute("aria-expanded", "true");
    await nav.getByRole("link", { name: "株式注文" }).focus();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(page.getByRole("button", { name: "メニュー" })).toBeFocused();
  });
});

test.describe("320px wide", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const id of [
    "画面-会員トップ--お知らせあり",
    "画面-出金--入力",
    "画面-株式注文--入力",
    "画面-注文照会--一覧",
    "画面-ログイン--入力前",
  ]) {
    test(`${id} does not scroll sideways`, async ({ page }) => {
      expect(await openStory(page, id)).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test.describe("the header at 320px", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("brand, メニュー and ログアウト each keep to one line", async ({ page }) => {
    expect(await openStory(page, "画面-出金--入力")).toEqual([]);
    const header = page.getByRole("banner");
    // The distinct line tops of the label's text: a squeezed label wraps to 3–5 lines.
    for (const item of [
      header.getByText("kakunin証券"),
      header.getByRole("button", { name: "メニュー" }),
      header.getByRole("button", { name: "ログアウト" }),
    ]) {
      const lines = await item.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      expect(lines).toBe(1);
    }
  });
});

test.describe("a desktop (1280×800)", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the menu stays beside the content, with no menu button", async ({ page }) => {
    expect(await openStory(page, "画面-出金--入力")).toEqual([]);
    await expect(page.getByRole("navigation", { name: "メニュー" })).toBeVisible();
    await expect(page.getByRole("button", { name: "メニュー" })).toBeHidden();
  });
});

import { addKnownDevice, expect, mailbox, test } from "../fixtures/test.ts";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test.describe("執行パスワード変更", () => {
  test("the initial password from お知らせ is changed through the notice's steps", async ({
    page,
    customer,
    loginAs,
  }) => {
    expect(customer.executionPasswordIsInitial).toBe(true);
    await loginAs(customer);

    // お知らせ shows this customer's initial execution password (R9).
    const notices = page.getByRole("region", { name: "お知らせ" });
    await expect(notices).toContainText("初期執行パスワードのお知らせ");
    const text = (await notices.textContent()) ?? "";
    const initial = /初期執行パスワードは「([^」]+)」/.exec(text)?.[1];
    expect(initial).toBe(customer.executionPassword);

    // ① 口座管理 → ② 執行パスワード変更
    await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "執行パスワード変更" }).click();
    await expect(page.getByRole("heading", { name: "執行パスワード変更" })).toBeVisible();
    // ③ current (initial) ④ new ⑤ new again ⑥ 変更する
    await page.getByLabel("現在の執行パスワード").fill(initial ?? "");
    await page.getByLabel("新執行パスワード", { exact: true }).fill("Mg7t3w");
    await page.getByLabel("新執行パスワード（確認）").fill("Mg7t3w");
    await page.getByRole("button", { name: "変更する" }).click();
    await expect(page.getByText("執行パスワードの変更が完了しました")).toBeVisible();

    // The initial password is gone from お知らせ.
    await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "会員トップ" }).click();
    await expect(page.getByRole("region", { name: "お知らせ" })).toContainText("執行パスワード導入のご案内");
    await expect(page.getByRole("region", { name: "お知らせ" })).not.toContainText("初期執行パスワードのお知らせ");
  });

  test("each rejected new password names its rule", async ({ page, createCustomer, loginAs }) => {
    // One refusal per password rule, each a round trip through core's argon2 check: ~25 s here.
    test.setTimeout(60_000);
    const customer = await createCustomer({
      birthDate: "1980-01-15",
      phone: "090-1234-5678",
      executionPassword: "Rk7m2x",
      loginPassword: "Kiso8pine3",
    });
    await loginAs(customer);
    await page.goto("/account/execution-password");
    // The full messages: the screen's rules note mentions the same topics in other words.
    const cases: [string, string][] = [
      ["Ab19800115", "生年月日を含むパスワードは登録できません。"],
      ["Q5678w", "電話番号（またはその一部）を含むパスワードは登録できません。"],
      [`Zz${customer.customerCode}`, "お客様コードを含むパスワードは登録できません。"],
      ["Xy1234", "連続した文字や数字（abcd、1234、qwerty など）を含むパスワードは登録できません。"],
      ["aaaa9B", "同じ文字を4文字以上続けたパスワードは登録できません。"],
      ["Password1", "よく使われるパスワードは登録できません。"],
      ["Kiso8pine3", "ログインパスワードと同じパスワードは執行パスワードに登録できません。"],
      ["Rk7m2x", "現在の執行パスワードと同じパスワードは登録できません。"],
    ];
    for (const [candidate, message] of cases) {
      await page.getByLabel("現在の執行パスワード").fill("Rk7m2x");
      await page.getByLabel("新執行パスワード", { exact: true }).fill(candidate);
      await page.getByLabel("新執行パスワード（確認）").fill(candidate);
      await page.getByRole("button", { name: "変更する" }).click();
      const field = page.getByLabel("新執行パスワード", { exact: true });
      await expect(field, candidate).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
      await expect(field).toHaveAttribute("aria-invalid", "true");
    }
    // A mismatched confirmation is caught on the field.
    await page.getByLabel("新執行パスワード", { exact: true }).fill("Mg7t3w");
    await page.getByLabel("新執行パスワード（確認）").fill("Mg7t3x");
    await page.getByRole("button", { name: "変更する" }).click();
    await expect(page.getByText("一致しません")).toBeVisible();
  });

  test("9 wrong tries lock the account; the operator's unlock restores access", async ({
    page,
    loggedIn: customer,
    ops,
  }) => {
    // Ten argon2 checks in core, by design slow, and two operator CLI runs (each starts tsx):
    // about 29 s here, too close to the default 30 s.
    test.setTimeout(60_000);
    await page.goto("/account/execution-password");
    for (let remaining = 8; remaining >= 1; remaining--) {
      await page.getByLabel("現在の執行パスワード").fill("Wrong1x");
      await page.getByLabel("新執行パスワード", { exact: true }).fill("Mg7t3w");
      await page.getByLabel("新執行パスワード（確認）").fill("Mg7t3w");
      await page.getByRole("button", { name: "変更する" }).click();
      await expect(page.getByRole("alert")).toContainText(`あと${remaining}回間違えると`);
    }
    await page.getByLabel("現在の執行パスワード").fill("Wrong1x");
    await page.getByLabel("新執行パスワード", { exact: true }).fill("Mg7t3w");
    await page.getByLabel("新執行パスワード（確認）").fill("Mg7t3w");
    await page.getByRole("button", { name: "変更する" }).click();
    await expect(page.getByText("アカウントロック中")).toBeVisible();
    await expect(page.getByText("お客様サポートセンター")).toBeVisible();

    // Still locked after a reload: the lock lives in core, not in the page.
    await page.reload();
    await expect(page.getByText("アカウントロック中")).toBeVisible();
    await expect(page.getByLabel("現在の執行パスワード")).toHaveCount(0);

    expect(await ops("unlock", customer.customerCode, "--note", "本人確認済み")).toContain("unlocked");
    expect(await ops("audit", customer.customerCode)).toContain("account_unlock");

    await page.reload();
    await page.getByLabel("現在の執行パスワード").fill("Rk7m2x");
    await page.getByLabel("新執行パスワード", { exact: true }).fill("Mg7t3w");
    await page.getByLabel("新執行パスワード（確認）").fill("Mg7t3w");
    await page.getByRole("button", { name: "変更する" }).click();
    await expect(page.getByText("執行パスワードの変更が完了しました")).toBeVisible();
  });

  test("会員トップ follows the schedule: before, during and after pre-registration", async ({
    page,
    customer,
    loginAs,
    setClock,
  }) => {
    await setClock(customer, "2022-08-01T10:00:00+09:00");
    await loginAs(customer);
    await expect(page.getByText("2022年8月22日（月） から執行パスワードの事前登録を開始します。")).toBeVisible();

    await setClock(customer, "2022-09-01T10:00:00+09:00");
    await page.reload();
    await expect(page.getByText("執行パスワードの事前登録期間中です。2022年9月18日（日）18時 までに")).toBeVisible();

    await setClock(customer, null);
    await page.reload();
    await expect(page.getByText("初期執行パスワードのままです。")).toBeVisible();
    await page.getByRole("link", { name: "執行パスワード変更へ" }).click();
    await expect(page.getByRole("heading", { name: "執行パスワード変更" })).toBeVisible();
  });
});

test.describe("ログインパスワード変更", () => {
  test("changing it ends the other sessions, is mailed with every optional mail off, and the new password logs in", async ({
    page,
    browser,
    createCustomer,
    loginAs,
  }) => {
    // Created with the default settings: every optional mail 配信不要.
    const address = `login-pw-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const customer = await createCustomer({ emails: [address] });
    const other = await browser.newContext();
    await addKnownDevice(other);
    const otherPage = await other.newPage();
    await otherPage.goto("/login");
    await otherPage.getByLabel("お客様コード").fill(customer.customerCode);
    await otherPage.getByLabel("ログインパスワード").fill(customer.loginPassword);
    await otherPage.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(otherPage.getByRole("heading", { name: "会員トップ" })).toBeVisible();
    // Waits on a screen that polls nothing (会員トップ refreshes お預り資産 every few seconds, which
    // would find the ended session before the navigation below does).
    await otherPage.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "ログイン履歴" }).click();
    await expect(otherPage.getByRole("heading", { level: 1, name: "ログイン履歴" })).toBeVisible();

    await loginAs(customer);
    await page
      .getByRole("navigation", { name: "メニュー" })
      .getByRole("link", { name: "ログインパスワード変更" })
      .click();
    await page.getByLabel("現在のログインパスワード").fill(customer.loginPassword);
    await page.getByLabel("新しいログインパスワード", { exact: true }).fill("Fuji7lake4");
    await page.getByLabel("新しいログインパスワード（確認）").fill("Fuji7lake4");
    await page.getByRole("button", { name: "変更する" }).click();
    await expect(page.getByText("ログインパスワードの変更が完了しました")).toBeVisible();

    // The security mail (R38): what, when (JST), from which browser, and the number to call.
    const mail = await mailbox.waitFor(address, "ログインパスワード変更のお知らせ");
    expect(mail.text).toMatch(/■ 日時\n\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \(日本時間\)/);
    expect(mail.text).toMatch(/ブラウザ \/ OS: Chrome \d+ \/ /);
    expect(mail.text).toContain("お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）");
    expect(mail.text).not.toMatch(/https?:\/\//);

    // The other device is logged out on its next request.
    await otherPage
      .getByRole("navigation", { name: "メニュー" })
      .getByRole("link", { name: "ログイン中の端末" })
      .click();
    await expect(otherPage.getByRole("heading", { name: "ログイン", exact: true })).toBeVisible();
    await other.close();

    await page.getByRole("button", { name: "ログアウト" }).click();
    await page.getByLabel("お客様コード").fill(customer.customerCode);
    await page.getByLabel("ログインパスワード").fill("Fuji7lake4");
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(page.getByRole("heading", { name: "会員トップ" })).toBeVisible();
  });
});

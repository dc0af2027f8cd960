import { mailTypeLabels, mailTypeSchema, mandatoryMailTypes, optionalMailTypes } from "@kakunin/contracts/mail";
import { stepUpOperations } from "@kakunin/contracts/step-up";
import { afterEach, describe, expect, it } from "vitest";
import { mailTranslator } from "./i18n.ts";
import { describeUserAgent } from "./security-layout.ts";
import { configureSupportContact, DEFAULT_SUPPORT_CONTACT, supportContact } from "./support-contact.ts";
import { type MailData, renderMail, securityMailTypes } from "./templates.ts";
import { operationIds } from "./wording.ts";

const at = new Date("2026-11-25T07:04:05Z");
const chromeOnWindows =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const origin = { ipAddress: "203.0.113.7", userAgent: chromeOnWindows };
const samples: MailData = {
  login_notification: { customerName: "山田 太郎", at, ipAddress: "203.0.113.7", userAgent: chromeOnWindows },
  trade_execution: {
    customerName: "山田 太郎",
    at,
    orderNumber: "O-000123",
    instrument: "7203 トヨタ自動車",
    side: { side: "buy", account: "cash", marginAction: null },
    quantity: 100,
    price: 2_850,
  },
  fund_execution: {
    customerName: "山田 太郎",
    at,
    orderNumber: "F-000045",
    fundName: "kakunin 全世界株式インデックス",
    side: "buy",
    amount: 100_000,
  },
  withdrawal_completed: {
    customerName: "山田 太郎",
    at,
    requestNumber: "W-000077",
    amount: 50_000,
    bank: { bankName: "三井住友銀行", branchName: "渋谷支店", accountType: "普通" },
    accountNumber: "1234567",
  },
  account_info_changed: { customerName: "山田 太郎", at, items: ["address", "phone"] },
  withdrawal_auth_code: {
    customerName: "佐藤 花子",
    code: "482913",
    expiresAt: new Date(at.getTime() + 10 * 60_000),
    amount: 50_000,
    bank: { bankName: "三井住友銀行", branchName: "渋谷支店", accountType: "普通" },
    accountNumber: "1234567",
  },
  view_auth_code: {
    customerName: "佐藤 花子",
    code: "105372",
    expiresAt: new Date(at.getTime() + 10 * 60_000),
    operation: "view_registered_info",
  },
  withdrawal_account_changed: {
    customerName: "山田 太郎",
    at,
    requestedAt: new Date(at.getTime() - 26 * 3_600_000),
    bank: { bankName: "みずほ銀行", branchName: "新宿支店", accountType: "普通" },
    accountNumber: "7654321",
  },
  account_locked: { customerName: "鈴木 一郎", at, origin },
  email_changed: {
    customerName: "佐藤 花子",
    at,
    oldAddress: "hanako@example.jp",
    newAddress: "hana.new@example.jp",
    origin,
  },
  margin_account_applied: { customerName: "山田 太郎", at },
  margin_account_opened: { customerName: "山田 太郎", at },
  margin_account_rejected: { customerName: "山田 太郎", at },
  passkey_registered: { customerName: "佐藤 花子", at, passkeyName: "iPhone", origin },
  passkey_deleted: { customerName: "佐藤 花子", at, passkeyName: "iPhone", origin },
  passkey_suspended: { customerName: "佐藤 花子", at, passkeyName: "セキュリティキー", origin },
  passkeys_removed: { customerName: "佐藤 花子", at, count: 2 },
  trading_stopped: { customerName: "山田 太郎", at, origin },
  trading_resumed: { customerName: "山田 太郎", at },
  login_password_changed: { customerName: "山田 太郎", at, origin },
  execution_password_changed: { customerName: "山田 太郎", at, origin: { ipAddress: null, userAgent: null } },
  withdrawal_account_change_requested: {
    customerName: "山田 太郎",
    at,
    bank: { bankName: "みずほ銀行", branchName: "新宿支店", accountType: "普通" },
    accountNumber: "7654321",
    origin,
  },
  account_unlocked: { customerName: "鈴木 一郎", at },
  new_device_login_code: { customerName: "山田 太郎", code: "482913", expiresAt: at, origin },
  new_device_login: { customerName: "山田 太郎", at, origin, coolingUntil: new Date("2026-11-26T07:04:05Z") },
  password_reset_code: {
    customerName: "鈴木 一郎",
    code: "123456",
    expiresAt: at,
    origin,
  },
  login_password_reset: { customerName: "鈴木 一郎", at, origin, coolingUntil: new Date("2026-11-26T07:04:05Z") },
};

describe("mail templates", () => {
  for (const type of mailTypeSchema.options) {
    it(`${type} renders the agreed text`, () => {
      const mail = renderMail(type, samples[type] as never);
      expect(`${mail.subject}\n\n${mail.text}`).toMatchSnapshot();
    });
  }

  it("no mail carries a link or a URL (R34)", () => {
    for (const type of mailTypeSchema.options) {
      const { subject, text } = renderMail(type, samples[type] as never);
      expect(`${subject}\n${text}`, type).not.toMatch(/https?:|www\.|:\/\/|<a\s/i);
    }
  });

  it("states times in JST and masks account numbers and addresses", () => {
    expect(renderMail("login_notification", samples.login_notification).text).toContain(
      "2026/11/25 16:04:05 (日本時間)",
    );
    const code = renderMail("withdrawal_auth_code", samples.withdrawal_auth_code).text;
    expect(code).toContain("****567");
    expect(code).not.toContain("1234567");
    expect(code).toContain("50,000円");
    const changed = renderMail("email_changed", samples.email_changed).text;
    expect(changed).toContain("h***@example.jp");
    expect(changed).not.toContain("hanako@example.jp");
  });

  it("names the configured support number and hours in every mail (issue 17)", () => {
    const contact = { phone: "03-1234-5678", hours: "24時間" };
    for (const type of mailTypeSchema.options) {
      const { text } = renderMail(type, samples[type] as never, { contact });
      expect(text, type).toContain("お客様サポートセンター（電話 03-1234-5678、受付時間 24時間）");
      expect(text, type).not.toContain("0120-000-000");
    }
  });

  describe("every always-on security mail (R38)", () => {
    it("is a mandatory type", () => {
      for (const type of securityMailTypes) expect(mandatoryMailTypes, type).toContain(type);
    });

    for (const type of securityMailTypes) {
      it(`${type} says what changed, when (JST), from where, and whom to call — with no URL`, () => {
        const { text } = renderMail(type, samples[type] as never, {
          contact: { phone: "03-1234-5678", hours: "24時間" },
        });
        expect(text).toContain("■ 変更内容");
        expect(text).toContain("■ 日時\n2026/11/25 16:04:05 (日本時間)");
        expect(text).toMatch(/■ 操作元\n(IPアドレス: |弊社担当者)/);
        expect(text).toMatch(/■ お心当たりがない場合\n.*お客様サポートセンター（電話 03-1234-5678、受付時間 24時間）/);
        expect(text).not.toMatch(/https?:|www\.|:\/\/|<a\s/i);
      });
    }
  });

  it("shows the browser and OS readably, not the raw User-Agent (issue 17)", () => {
    const { text } = renderMail("login_password_changed", samples.login_password_changed);
    expect(text).toContain("IPアドレス: 203.0.113.7\nブラウザ / OS: Chrome 131 / Windows 10");
    expect(text).not.toContain("Mozilla");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari 18 / iOS 18.1");
    expect(describeUserAgent("curl/8.5.0")).toBeNull();
    expect(describeUserAgent(null)).toBeNull();
    expect(renderMail("execution_password_changed", samples.execution_password_changed).text).toContain(
      "IPアドレス: 不明\nブラウザ / OS: 不明",
    );
  });
});

describe("mail templates in English (R36)", () => {
  for (const type of mailTypeSchema.options) {
    it(`${type} renders the agreed English text, subject included`, () => {
      const mail = renderMail(type, samples[type] as never, { locale: "en" });
      expect(`${mail.subject}\n\n${mail.text}`).toMatchSnapshot();
    });
  }

  it("say nothing in Japanese but the customer's own data and the notice's terms in parentheses", () => {
    // The samples' Japanese is the customer's (names, banks, passkey names) or the market's (names).
    const data =
      /山田 太郎|佐藤 花子|鈴木 一郎|トヨタ自動車|全世界株式インデックス|三井住友銀行|渋谷支店|みずほ銀行|新宿支店|セキュリティキー/g;
    for (const type of mailTypeSchema.options) {
      const { subject, text } = renderMail(type, samples[type] as never, { locale: "en" });
      expect(subject, type).toMatch(/^\[kakunin Securities\] [A-Z]/);
      const ours = `${subject}\n${text}`
        .replace(data, "")
        .replace(/ \([^()]*[\p{Script=Han}\p{Script=Katakana}][^()]*\)/gu, "");
      expect(ours, type).not.toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。（）「」]/u);
      expect(ours, type).not.toMatch(/https?:|www\.|:\/\/|<a\s/i);
    }
  });

  it("states times in JST and amounts in yen the English way", () => {
    const text = renderMail("withdrawal_auth_code", samples.withdrawal_auth_code, { locale: "en" }).text;
    expect(text).toContain("Valid until: Nov 25, 2026, 16:14:05 JST");
    expect(text).toContain("Withdrawal: ¥50,000 (to 三井住友銀行 渋谷支店, ordinary account ****567)");
    expect(text).not.toContain("1234567");
    const trade = renderMail("trade_execution", { ...samples.trade_execution, quantity: 1_000 }, { locale: "en" });
    expect(trade.text).toContain("Quantity: 1,000 shares\nExecution price: ¥2,850");
    expect(renderMail("trade_execution", { ...samples.trade_execution, quantity: 1 }, { locale: "en" }).text).toContain(
      "Quantity: 1 share\n",
    );
  });

  it("names the support center in English, with the hours English mails are given (issue 17)", () => {
    const contact = { phone: "03-1234-5678", hours: "24 hours a day" };
    for (const type of mailTypeSchema.options) {
      const { text } = renderMail(type, samples[type] as never, { locale: "en", contact });
      expect(text, type).toContain("our Customer Support Center (phone: 03-1234-5678; hours: 24 hours a day)");
    }
    expect(renderMail("account_locked", samples.account_locked, { locale: "en" }).text).toContain(
      "please call our Customer Support Center (phone: 0120-000-000; hours: weekdays 8:30–17:00 JST).",
    );
  });

  it("words the security layout in English (R38)", () => {
    const { text } = renderMail("login_password_changed", samples.login_password_changed, { locale: "en" });
    expect(text).toContain("■ What changed\nLogin password\n\n■ Date and time\nNov 25, 2026, 16:04:05 JST");
    expect(text).toContain("■ Made from\nIP address: 203.0.113.7\nBrowser / OS: Chrome 131 / Windows 10");
    expect(text).toContain('choose "Stop trading" (取引停止) under "Account management"');
    expect(
      renderMail("execution_password_changed", samples.execution_password_changed, { locale: "en" }).text,
    ).toContain("IP address: Unknown\nBrowser / OS: Unknown");
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0)", "en")).toBe("Unknown browser / Windows 10");
    expect(renderMail("account_unlocked", samples.account_unlocked, { locale: "en" }).text).toContain(
      "■ Made from\nOur staff (a procedure carried out at your request)",
    );
  });
});

describe("what mails word from codes", () => {
  it("words every 売買 of a stock order as before (現物買, 信用新規売, …) and in English", () => {
    const cases = [
      [{ side: "buy", account: "cash", marginAction: null }, "現物買", "Cash buy"],
      [{ side: "sell", account: "cash", marginAction: null }, "現物売", "Cash sell"],
      [{ side: "buy", account: "margin", marginAction: "open" }, "信用新規買", "Margin buy to open"],
      [{ side: "sell", account: "margin", marginAction: "open" }, "信用新規売", "Margin sell to open"],
      [{ side: "buy", account: "margin", marginAction: "close" }, "信用返済買", "Margin buy to close"],
      [{ side: "sell", account: "margin", marginAction: "close" }, "信用返済売", "Margin sell to close"],
      [{ side: "buy", account: null, marginAction: null }, "買", "Buy"],
      [{ side: "sell", account: null, marginAction: null }, "売", "Sell"],
    ] as const;
    for (const [side, ja, en] of cases) {
      const data = { ...samples.trade_execution, side };
      expect(renderMail("trade_execution", data).text).toContain(`\n売買: ${ja}\n`);
      expect(renderMail("trade_execution", data, { locale: "en" }).text).toContain(`\nSide: ${en}\n`);
    }
    const sell = { ...samples.fund_execution, side: "sell" as const };
    expect(renderMail("fund_execution", sell).text).toContain("\n売買: 解約\n");
    expect(renderMail("fund_execution", sell, { locale: "en" }).text).toContain("\nSide: Redemption\n");
  });

  it("words the changed items, a mail setting by the notice's label", () => {
    const data = {
      ...samples.account_info_changed,
      items: ["postalCode", "email", { mailSetting: "login_notification" }] as const,
    };
    expect(renderMail("account_info_changed", { ...data, items: [...data.items] }).text).toContain(
      "変更項目: 郵便番号、メールアドレス、メールサービス配信設定（ログイン通知）",
    );
    expect(renderMail("account_info_changed", { ...data, items: [...data.items] }, { locale: "en" }).text).toContain(
      "Changed items: Postal code, Email address, Email notification settings (Login notification)",
    );
  });

  it("names a mail type and an operation in Japanese by the notice's own label", () => {
    for (const type of optionalMailTypes) {
      const mail = renderMail("account_info_changed", {
        ...samples.account_info_changed,
        items: [{ mailSetting: type }],
      });
      expect(mail.text, type).toContain(`変更項目: メールサービス配信設定（${mailTypeLabels[type]}）`);
    }
    for (const [operation, definition] of Object.entries(stepUpOperations)) {
      const data = { ...samples.view_auth_code, operation: operation as keyof typeof stepUpOperations };
      expect(renderMail("view_auth_code", data).text, operation).toContain(`対象: ${definition.label}\n`);
      expect(mailTranslator.t("en", operationIds[data.operation]), operation).toMatch(/^[a-z]/);
    }
  });

  it("names the passkey operation a code is for, in both languages", () => {
    const data = { ...samples.view_auth_code, operation: "register_passkey" as const, passkey: true };
    const ja = renderMail("view_auth_code", data);
    expect(ja.subject).toBe("【kakunin証券】パスキーの登録のための認証コードのお知らせ");
    expect(ja.text).toContain("パスキーの登録のための認証コードをお知らせします。");
    expect(ja.text).toContain("第三者がお客様のパスキーを登録・削除しようとしている可能性があります。");
    const en = renderMail("view_auth_code", data, { locale: "en" });
    expect(en.subject).toBe("[kakunin Securities] Your authentication code for registering a passkey");
    expect(en.text).toContain("Here is the authentication code (認証コード) for registering a passkey.");
    expect(en.text).toContain("Purpose: registering a passkey\n");
  });

  it("tells of a reissued initial execution password in both languages", () => {
    const data = { ...samples.execution_password_changed, origin: "operator" as const, reissued: true };
    expect(renderMail("execution_password_changed", data).text).toContain(
      "お客様のお申し出により、執行パスワードを再発行しました（初期執行パスワード）。",
    );
    expect(renderMail("execution_password_changed", data, { locale: "en" }).text).toContain(
      "After logging in, please check your new initial execution password in Notices (お知らせ), then change it.",
    );
  });
});

describe("the support contact in the customer's language", () => {
  afterEach(() => configureSupportContact(DEFAULT_SUPPORT_CONTACT));

  it("gives the English hours configured, or the default's English, or else the Japanese hours", () => {
    expect(supportContact("en")).toEqual({ phone: "0120-000-000", hours: "weekdays 8:30–17:00 JST" });
    configureSupportContact({ phone: "03-1234-5678", hours: "毎日 9:00〜21:00" });
    expect(supportContact()).toEqual({ phone: "03-1234-5678", hours: "毎日 9:00〜21:00" });
    // Hours changed in Japanese only: English mails state them rather than the wrong default.
    expect(supportContact("en")).toEqual({ phone: "03-1234-5678", hours: "毎日 9:00〜21:00" });
    configureSupportContact({ phone: "03-1234-5678", hours: "毎日 9:00〜21:00" }, "daily 9:00–21:00 JST");
    expect(supportContact("en").hours).toBe("daily 9:00–21:00 JST");
    expect(renderMail("account_locked", samples.account_locked, { locale: "en" }).text).toContain(
      "(phone: 03-1234-5678; hours: daily 9:00–21:00 JST)",
    );
  });
});

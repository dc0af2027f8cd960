import { mailTypeSchema, mandatoryMailTypes } from "@kakunin/contracts/mail";
import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./security-layout.ts";
import { type MailData, renderMail, securityMailTypes } from "./templates.ts";

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
    side: "現物買",
    quantity: 100,
    price: 2_850,
  },
  fund_execution: {
    customerName: "山田 太郎",
    at,
    orderNumber: "F-000045",
    fundName: "kakunin 全世界株式インデックス",
    side: "買付",
    amount: 100_000,
  },
  withdrawal_completed: {
    customerName: "山田 太郎",
    at,
    requestNumber: "W-000077",
    amount: 50_000,
    bank: "三井住友銀行 渋谷支店 普通",
    accountNumber: "1234567",
  },
  account_info_changed: { customerName: "山田 太郎", at, items: ["住所", "電話番号"] },
  withdrawal_auth_code: {
    customerName: "佐藤 花子",
    code: "482913",
    expiresAt: new Date(at.getTime() + 10 * 60_000),
    amount: 50_000,
    bank: "三井住友銀行 渋谷支店 普通",
    accountNumber: "1234567",
  },
  view_auth_code: {
    customerName: "佐藤 花子",
    code: "105372",
    expiresAt: new Date(at.getTime() + 10 * 60_000),
    purpose: "口座情報照会／変更",
  },
  withdrawal_account_changed: {
    customerName: "山田 太郎",
    at,
    requestedAt: new Date(at.getTime() - 26 * 3_600_000),
    bank: "みずほ銀行 新宿支店 普通",
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
    bank: "みずほ銀行 新宿支店 普通",
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
      const { text } = renderMail(type, samples[type] as never, contact);
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
        const { text } = renderMail(type, samples[type] as never, { phone: "03-1234-5678", hours: "24時間" });
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

import { mailTypeSchema } from "@kakunin/contracts/mail";
import { describe, expect, it } from "vitest";
import { type MailData, renderMail } from "./templates.ts";

const at = new Date("2026-11-25T07:04:05Z");
const samples: MailData = {
  login_notification: { customerName: "山田 太郎", at, ipAddress: "203.0.113.7", userAgent: "Mozilla/5.0 Chrome/156" },
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
    bank: "みずほ銀行 新宿支店 普通",
    accountNumber: "7654321",
  },
  account_locked: { customerName: "鈴木 一郎", at },
  email_changed: { customerName: "佐藤 花子", at, oldAddress: "hanako@example.jp", newAddress: "hana.new@example.jp" },
  margin_account_applied: { customerName: "山田 太郎", at },
  margin_account_opened: { customerName: "山田 太郎", at },
  margin_account_rejected: { customerName: "山田 太郎", at },
  passkey_registered: { customerName: "佐藤 花子", at, passkeyName: "iPhone" },
  passkey_deleted: { customerName: "佐藤 花子", at, passkeyName: "iPhone" },
  passkey_suspended: { customerName: "佐藤 花子", at, passkeyName: "セキュリティキー" },
  passkeys_removed: { customerName: "佐藤 花子", at, count: 2 },
  trading_stopped: { customerName: "山田 太郎", at, supportPhone: "0120-000-000" },
  trading_resumed: { customerName: "山田 太郎", at, supportPhone: "0120-000-000" },
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
});

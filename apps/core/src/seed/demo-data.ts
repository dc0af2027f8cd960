import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customers } from "../db/schema.ts";
import { createCustomer, type NewCustomer } from "../domain/customers.ts";
import { seedMarginApplication } from "../domain/margin-accounts.ts";
import { grantHolding } from "../domain/orders/ledger.ts";
import type { CoreServices } from "../lib/types.ts";

/**
 * DEMO DATA (SPEC §9): public, documented credentials for local demos. Seeded only into
 * the embedded database outside production; never use these anywhere real.
 */
export const demoCustomers: readonly (NewCustomer & {
  customerCode: string;
  /** 現物 holdings: shares (or fund units) and what they cost in total (yen). */
  holdings?: readonly { code: string; quantity: number; cost: number }[];
  /** The answers of a 信用取引口座 application under review (its opening says 審査中). */
  marginApplication?: Parameters<typeof seedMarginApplication>[2];
})[] = [
  {
    customerCode: "1000001",
    name: "山田 太郎",
    nameKana: "ヤマダ タロウ",
    birthDate: "1980-01-15",
    phone: "090-1234-5678",
    postalCode: "150-0002",
    address: "東京都渋谷区渋谷2-24-12 渋谷ハイツ503",
    emails: ["taro@example.jp"],
    loginPassword: "Kiso8pine3",
    // The company-issued initial one, shown in お知らせ until changed (R9).
    executionPassword: { plain: "Ume4k9", initial: true },
    cash: 1_000_000,
    holdings: [{ code: "7203", quantity: 100, cost: 190_000 }],
    bankAccount: {
      bankName: "三井住友銀行",
      branchName: "渋谷支店",
      accountType: "普通",
      accountNumber: "1234567",
      holderKana: "ヤマダ タロウ",
    },
    accountOpenings: [
      { kind: "総合口座", status: "開設済", appliedOn: "2018-04-02", openedOn: "2018-04-09" },
      { kind: "特定口座", status: "開設済", appliedOn: "2018-04-02", openedOn: "2018-04-09" },
      // SPEC §9 is silent here; open so the demo can show 信用 trading (1000002's is 審査中).
      { kind: "信用取引口座", status: "開設済", appliedOn: "2019-05-07", openedOn: "2019-05-14" },
    ],
  },
  {
    customerCode: "1000002",
    name: "佐藤 花子",
    nameKana: "サトウ ハナコ",
    birthDate: "1975-06-30",
    phone: "080-9876-5432",
    postalCode: "160-0022",
    address: "東京都新宿区新宿3-1-13 新宿パークマンション1201",
    emails: ["hanako@example.jp", "hanako.m@example.jp"],
    loginPassword: "Tsuki5river8",
    executionPassword: { plain: "Rk7m2x", initial: false },
    cash: 5_000_000,
    mailSettings: [
      { type: "login_notification", enabled: true, destination: 1 },
      { type: "withdrawal_auth_code", enabled: true, destination: 2 },
      { type: "view_auth_code", enabled: true, destination: 1 },
    ],
    bankAccount: {
      bankName: "みずほ銀行",
      branchName: "新宿支店",
      accountType: "普通",
      accountNumber: "7654321",
      holderKana: "サトウ ハナコ",
    },
    accountOpenings: [
      { kind: "総合口座", status: "開設済", appliedOn: "2012-10-01", openedOn: "2012-10-05" },
      { kind: "特定口座", status: "開設済", appliedOn: "2012-10-01", openedOn: "2012-10-05" },
      { kind: "NISA口座", status: "開設済", appliedOn: "2014-01-06", openedOn: "2014-01-20" },
      { kind: "信用取引口座", status: "審査中", appliedOn: "2022-09-20", openedOn: null },
    ],
    marginApplication: {
      stockExperience: "5年以上",
      annualIncome: "500〜1,000万円",
      financialAssets: "1,000〜3,000万円",
      appliedOn: "2022-09-20",
    },
  },
  {
    customerCode: "1000003",
    name: "鈴木 一郎",
    nameKana: "スズキ イチロウ",
    birthDate: "1990-11-03",
    phone: "070-5555-0101",
    postalCode: "171-0022",
    address: "東京都豊島区南池袋1-28-1 池袋レジデンス807",
    emails: ["ichiro@example.jp"],
    loginPassword: "Haru3wind6",
    executionPassword: { plain: "Zq8v4n", initial: false },
    locked: true,
    bankAccount: {
      bankName: "三菱UFJ銀行",
      branchName: "池袋支店",
      accountType: "普通",
      accountNumber: "2345678",
      holderKana: "スズキ イチロウ",
    },
    accountOpenings: [
      { kind: "総合口座", status: "開設済", appliedOn: "2020-06-15", openedOn: "2020-06-22" },
      { kind: "特定口座", status: "開設済", appliedOn: "2020-06-15", openedOn: "2020-06-22" },
    ],
  },
];

/** Seeds the demo customers once: on a database that has no customers yet. */
export async function seedDemoData(db: Db, services: CoreServices): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customers);
  if ((row?.n ?? 0) > 0) return false;
  for (const { holdings, marginApplication, ...customer } of demoCustomers) {
    const created = await createCustomer(db, services, customer);
    for (const h of holdings ?? []) await grantHolding(db, created.id, h.code, h.quantity, h.cost);
    if (marginApplication) await seedMarginApplication(db, created.id, marginApplication);
  }
  return true;
}

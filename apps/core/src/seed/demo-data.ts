import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customers } from "../db/schema.ts";
import { createCustomer, type NewCustomer } from "../domain/customers.ts";
import type { CoreServices } from "../lib/types.ts";

/**
 * DEMO DATA (SPEC §9): public, documented credentials for local demos. Seeded only into
 * the embedded database outside production; never use these anywhere real.
 * Balances arrive with the trading and withdrawal issues.
 */
export const demoCustomers: readonly (NewCustomer & { customerCode: string })[] = [
  {
    customerCode: "1000001",
    name: "山田 太郎",
    birthDate: "1980-01-15",
    phone: "090-1234-5678",
    emails: ["taro@example.jp"],
    loginPassword: "Kiso8pine3",
    // The company-issued initial one, shown in お知らせ until changed (R9).
    executionPassword: { plain: "Ume4k9", initial: true },
  },
  {
    customerCode: "1000002",
    name: "佐藤 花子",
    birthDate: "1975-06-30",
    phone: "080-9876-5432",
    emails: ["hanako@example.jp", "hanako.m@example.jp"],
    loginPassword: "Tsuki5river8",
    executionPassword: { plain: "Rk7m2x", initial: false },
    mailSettings: [
      { type: "login_notification", enabled: true, destination: 1 },
      { type: "withdrawal_auth_code", enabled: true, destination: 2 },
      { type: "view_auth_code", enabled: true, destination: 1 },
    ],
  },
  {
    customerCode: "1000003",
    name: "鈴木 一郎",
    birthDate: "1990-11-03",
    phone: "070-5555-0101",
    emails: ["ichiro@example.jp"],
    loginPassword: "Haru3wind6",
    executionPassword: { plain: "Zq8v4n", initial: false },
    locked: true,
  },
];

/** Seeds the demo customers once: on a database that has no customers yet. */
export async function seedDemoData(db: Db, services: CoreServices): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customers);
  if ((row?.n ?? 0) > 0) return false;
  for (const customer of demoCustomers) await createCustomer(db, services, customer);
  return true;
}

import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customers } from "../db/schema.ts";
import { createCustomer, type NewCustomer } from "../domain/customers.ts";

/**
 * DEMO DATA (SPEC §9): public, documented credentials for local demos. Seeded only into
 * the embedded database outside production; never use these anywhere real.
 * Execution passwords, balances and mail settings arrive with their issues.
 */
export const demoCustomers: readonly (NewCustomer & { customerCode: string })[] = [
  {
    customerCode: "1000001",
    name: "山田 太郎",
    birthDate: "1980-01-15",
    phone: "090-1234-5678",
    emails: ["taro@example.jp"],
    loginPassword: "Kiso8pine3",
  },
  {
    customerCode: "1000002",
    name: "佐藤 花子",
    birthDate: "1975-06-30",
    phone: "080-9876-5432",
    emails: ["hanako@example.jp", "hanako.m@example.jp"],
    loginPassword: "Tsuki5river8",
  },
  {
    customerCode: "1000003",
    name: "鈴木 一郎",
    birthDate: "1990-11-03",
    phone: "070-5555-0101",
    emails: ["ichiro@example.jp"],
    loginPassword: "Haru3wind6",
  },
];

/** Seeds the demo customers once: on a database that has no customers yet. */
export async function seedDemoData(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customers);
  if ((row?.n ?? 0) > 0) return false;
  for (const customer of demoCustomers) await createCustomer(db, customer);
  return true;
}

import { type Locale, toLocale } from "@kakunin/contracts/locale";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customers } from "../db/schema.ts";

/**
 * Stores the language the customer chose (R36): screens after their next login and mails
 * follow it. False for an unknown customer.
 */
export async function setCustomerLocale(db: Db, customerId: string, locale: Locale): Promise<boolean> {
  const rows = await db
    .update(customers)
    .set({ locale })
    .where(eq(customers.id, customerId))
    .returning({ id: customers.id });
  return rows.length > 0;
}

/**
 * At a login: the customer's language, which is the one they logged in with (`requested`, the
 * request's language) if they have none yet. One statement, so two first logins at once agree.
 */
export async function adoptCustomerLocale(db: Db, customerId: string, requested: Locale): Promise<Locale> {
  const [row] = await db
    .update(customers)
    .set({ locale: sql`coalesce(${customers.locale}, ${requested})` })
    .where(eq(customers.id, customerId))
    .returning({ locale: customers.locale });
  return toLocale(row?.locale ?? requested);
}

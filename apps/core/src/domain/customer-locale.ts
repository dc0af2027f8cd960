import { defaultLocale, isLocale, type Locale } from "@kakunin/contracts/locale";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customers } from "../db/schema.ts";

/** A stored `customers.locale` as a language; anything else (it is text) reads as Japanese. */
export function toLocale(value: string): Locale {
  return isLocale(value) ? value : defaultLocale;
}

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

/** The customer's language; undefined for an unknown customer. */
export async function customerLocale(db: Db, customerId: string): Promise<Locale | undefined> {
  const [row] = await db.select({ locale: customers.locale }).from(customers).where(eq(customers.id, customerId));
  return row ? toLocale(row.locale) : undefined;
}

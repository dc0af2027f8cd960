import type { CustomerSummary } from "@kakunin/contracts/customers";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customerCodeSeq, customerEmails, customers } from "../db/schema.ts";
import { hashPassword } from "../lib/passwords.ts";

export interface NewCustomer {
  /** Omit to draw the next code from the sequence. */
  customerCode?: string;
  name: string;
  birthDate: string;
  phone: string;
  emails: string[];
  loginPassword: string;
}

export async function createCustomer(db: Db, input: NewCustomer): Promise<CustomerSummary> {
  const loginPasswordHash = await hashPassword(input.loginPassword);
  return db.transaction(async (tx) => {
    const code = input.customerCode ?? sql<string>`nextval(${customerCodeSeq.seqName})::text`;
    const [row] = await tx
      .insert(customers)
      .values({
        customerCode: code,
        name: input.name,
        birthDate: input.birthDate,
        phone: input.phone,
        loginPasswordHash,
      })
      .returning({ id: customers.id, customerCode: customers.customerCode, name: customers.name });
    if (!row) throw new Error("insert returned no row");
    if (input.emails.length > 0) {
      await tx
        .insert(customerEmails)
        .values(input.emails.map((address, i) => ({ customerId: row.id, position: i + 1, address })));
    }
    return row;
  });
}

export async function findCustomerSummary(db: Db, customerId: string): Promise<CustomerSummary | undefined> {
  const [row] = await db
    .select({ id: customers.id, customerCode: customers.customerCode, name: customers.name })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row;
}

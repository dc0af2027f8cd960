import type { CustomerSummary } from "@kakunin/contracts/customers";
import { EXECUTION_PASSWORD_MAX_ATTEMPTS } from "@kakunin/contracts/errors";
import type { OptionalMailType } from "@kakunin/contracts/mail";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customerCodeSeq, customerEmails, customers, passwordHistory } from "../db/schema.ts";
import { hashPassword } from "../lib/passwords.ts";
import type { CoreServices } from "../lib/types.ts";
import { writeMailSetting } from "../mail/settings.ts";
import { generateInitialExecutionPassword } from "./credentials.ts";

export interface NewCustomer {
  /** Omit to draw the next code from the sequence. */
  customerCode?: string;
  name: string;
  birthDate: string;
  phone: string;
  emails: string[];
  loginPassword: string;
  /** Omit to have core issue a random initial execution password (R9). */
  executionPassword?: { plain: string; initial: boolean };
  /** Start locked, as after 9 failed execution-password attempts (demo and test data). */
  locked?: boolean;
  /** Mail settings other than the defaults (配信不要, first address). */
  mailSettings?: { type: OptionalMailType; enabled: boolean; destination: 1 | 2 }[];
}

export interface CreatedCustomer extends CustomerSummary {
  executionPassword: string;
  executionPasswordIsInitial: boolean;
}

export async function createCustomer(db: Db, services: CoreServices, input: NewCustomer): Promise<CreatedCustomer> {
  const code = input.customerCode ?? (await nextCustomerCode(db));
  const execution = input.executionPassword ?? {
    plain: generateInitialExecutionPassword({ customerCode: code, birthDate: input.birthDate, phone: input.phone }),
    initial: true,
  };
  const [loginPasswordHash, executionPasswordHash] = await Promise.all([
    hashPassword(input.loginPassword),
    hashPassword(execution.plain),
  ]);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(customers)
      .values({
        customerCode: code,
        name: input.name,
        birthDate: input.birthDate,
        phone: input.phone,
        loginPasswordHash,
        executionPasswordHash,
        initialExecutionPasswordEnc: execution.initial ? services.secretBox.seal(execution.plain) : null,
        executionPasswordChangedAt: execution.initial ? null : sql`now()`,
        ...(input.locked ? { executionFailedAttempts: EXECUTION_PASSWORD_MAX_ATTEMPTS, lockedAt: sql`now()` } : {}),
      })
      .returning({ id: customers.id, customerCode: customers.customerCode, name: customers.name });
    if (!created) throw new Error("insert returned no row");
    await tx.insert(passwordHistory).values([
      { customerId: created.id, kind: "login", hash: loginPasswordHash },
      { customerId: created.id, kind: "execution", hash: executionPasswordHash },
    ]);
    if (input.emails.length > 0) {
      await tx
        .insert(customerEmails)
        .values(input.emails.map((address, i) => ({ customerId: created.id, position: i + 1, address })));
    }
    for (const setting of input.mailSettings ?? []) await writeMailSetting(tx, created.id, setting);
    return created;
  });
  return { ...row, executionPassword: execution.plain, executionPasswordIsInitial: execution.initial };
}

async function nextCustomerCode(db: Db): Promise<string> {
  const result = await db.execute<{ code: string }>(sql`select nextval(${customerCodeSeq.seqName})::text as code`);
  const code = (result as unknown as { rows: { code: string }[] }).rows[0]?.code;
  if (!code) throw new Error("customer code sequence returned nothing");
  return code;
}

export async function findCustomerSummary(db: Db, customerId: string): Promise<CustomerSummary | undefined> {
  const [row] = await db
    .select({ id: customers.id, customerCode: customers.customerCode, name: customers.name })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row;
}

export async function findCustomerIdByCode(db: Db, customerCode: string): Promise<string | undefined> {
  const [row] = await db.select({ id: customers.id }).from(customers).where(eq(customers.customerCode, customerCode));
  return row?.id;
}

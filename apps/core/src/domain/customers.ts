import type { CustomerSummary } from "@kakunin/contracts/customers";
import { EXECUTION_PASSWORD_MAX_ATTEMPTS } from "@kakunin/contracts/errors";
import type { OptionalMailType } from "@kakunin/contracts/mail";
import type { AccountOpening } from "@kakunin/contracts/registered-info";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import {
  accountOpenings,
  bankAccounts,
  cashBalances,
  customerCodeSeq,
  customerEmails,
  customers,
  passwordHistory,
} from "../db/schema.ts";
import { hashPassword } from "../lib/passwords.ts";
import type { CoreServices } from "../lib/types.ts";
import { writeMailSetting } from "../mail/settings.ts";
import { generateInitialExecutionPassword } from "./credentials/initial-password.ts";

export interface NewCustomer {
  /** Omit to draw the next code from the sequence. */
  customerCode?: string;
  name: string;
  /** フリガナ; default "シケン タロウ". */
  nameKana?: string;
  birthDate: string;
  phone: string;
  /** Default "150-0002". */
  postalCode?: string;
  /** Default "東京都渋谷区渋谷2-24-12". */
  address?: string;
  emails: string[];
  loginPassword: string;
  /** Omit to have core issue a random initial execution password (R9). */
  executionPassword?: { plain: string; initial: boolean };
  /** Start locked, as after 9 failed execution-password attempts (demo and test data). */
  locked?: boolean;
  /** Mail settings other than the defaults (配信不要, first address). */
  mailSettings?: { type: OptionalMailType; enabled: boolean; destination: 1 | 2 }[];
  /** 出金先口座; default kakunin銀行 本店営業部 普通 1234567 in the name's kana; null for none. */
  bankAccount?: NewBankAccount | null;
  /**
   * Account openings other than the defaults, by kind: every customer has a 総合口座 and a
   * 特定口座 opened on the creation date; NISA口座 and 信用取引口座 are 未開設.
   */
  accountOpenings?: AccountOpening[];
  /** 出金可能額 in yen; default ¥0. */
  cash?: number;
}

export interface NewBankAccount {
  bankName: string;
  branchName: string;
  accountType: "普通" | "当座";
  accountNumber: string;
  holderKana: string;
}

export const DEFAULT_NAME_KANA = "シケン タロウ";
export const DEFAULT_POSTAL_CODE = "150-0002";
export const DEFAULT_ADDRESS = "東京都渋谷区渋谷2-24-12";

/** "2026-11-25": the calendar date in Japan. */
export function jstDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(at);
}

/** The four kinds of account in 口座開設状況, in the order the screen lists them. */
export function defaultAccountOpenings(createdOn: string): AccountOpening[] {
  return [
    { kind: "総合口座", status: "開設済", appliedOn: createdOn, openedOn: createdOn },
    { kind: "特定口座", status: "開設済", appliedOn: createdOn, openedOn: createdOn },
    { kind: "NISA口座", status: "未開設", appliedOn: null, openedOn: null },
    { kind: "信用取引口座", status: "未開設", appliedOn: null, openedOn: null },
  ];
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
  const nameKana = input.nameKana ?? DEFAULT_NAME_KANA;
  const bankAccount =
    input.bankAccount === undefined
      ? {
          bankName: "kakunin銀行",
          branchName: "本店営業部",
          accountType: "普通" as const,
          accountNumber: "1234567",
          holderKana: nameKana,
        }
      : input.bankAccount;
  const overrides = new Map((input.accountOpenings ?? []).map((a) => [a.kind, a]));
  const openings = defaultAccountOpenings(jstDate(services.clock.now())).map((a) => overrides.get(a.kind) ?? a);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(customers)
      .values({
        customerCode: code,
        name: input.name,
        nameKana,
        birthDate: input.birthDate,
        phone: input.phone,
        postalCode: input.postalCode ?? DEFAULT_POSTAL_CODE,
        address: input.address ?? DEFAULT_ADDRESS,
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
    if (bankAccount) await tx.insert(bankAccounts).values({ customerId: created.id, ...bankAccount });
    await tx.insert(cashBalances).values({ customerId: created.id, withdrawable: input.cash ?? 0 });
    await tx.insert(accountOpenings).values(openings.map((a) => ({ customerId: created.id, ...a })));
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

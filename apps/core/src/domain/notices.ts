import type { Notice } from "@kakunin/contracts/customers";
import type { Locale } from "@kakunin/contracts/locale";
import { contractsTranslator } from "@kakunin/contracts/translator";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customers, notices, passkeyCredentials } from "../db/schema.ts";
import type { CoreServices } from "../lib/types.ts";
import { buildPasskeyRegistrationNotice } from "./passkeys/notice.ts";

/**
 * お知らせ of 会員トップ for one customer, in one query (issue 16; it took four): the customer
 * row (its existence, the initial execution password) with the count of usable passkeys and,
 * joined to it, every company notice newest first. Undefined for an unknown customer.
 * Order: the initial execution password (R9), パスキー登録のお願い (issue 14), then the company's.
 * The customer's own notices are worded in `locale` (R36); the company's are stored as written.
 */
export async function customerNotices(
  db: Db,
  services: CoreServices,
  customerId: string,
  locale: Locale,
): Promise<Notice[] | undefined> {
  const rows = await db
    .select({
      initialEnc: customers.initialExecutionPasswordEnc,
      createdAt: customers.createdAt,
      usablePasskeys:
        sql<number>`(select count(*) from ${passkeyCredentials} where ${passkeyCredentials.customerId} = ${customers.id} and ${passkeyCredentials.suspendedAt} is null)`.mapWith(
          Number,
        ),
      notice: notices,
    })
    .from(customers)
    .leftJoin(notices, sql`true`)
    .where(eq(customers.id, customerId))
    .orderBy(desc(notices.publishedAt));
  const customer = rows[0];
  if (!customer) return undefined;

  const personal: Notice[] = [];
  // R9: the initial execution password, to this customer only, until they change it.
  if (customer.initialEnc) {
    const password = services.secretBox.open(customer.initialEnc);
    personal.push({
      id: "initial-execution-password",
      kind: "important",
      title: contractsTranslator.t(locale, "server.notices.initialExecutionPassword.title"),
      body: contractsTranslator.t(locale, "server.notices.initialExecutionPassword.body", { password }),
      publishedAt: customer.createdAt.toISOString(),
      topic: "execution_password_change",
    });
  }
  // Issue 14: a customer without a usable passkey is asked to register one, before the date.
  if (customer.usablePasskeys === 0) personal.push(buildPasskeyRegistrationNotice(services, customerId, locale));
  const company = rows.flatMap(({ notice }) =>
    notice ? [{ ...notice, publishedAt: notice.publishedAt.toISOString() }] : [],
  );
  return [...personal, ...company];
}

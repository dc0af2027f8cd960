import { randomInt } from "node:crypto";
import { checkPassword, type PolicyContext } from "@kakunin/password-policy/policy";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { customers, passwordHistory } from "../../db/schema.ts";
import { hashPassword } from "../../lib/passwords.ts";
import type { CoreServices } from "../../lib/types.ts";
import { enqueueMail } from "../../mail/outbox.ts";
import { policyContext } from "./password-change.ts";

// No 0/O, 1/l/I: the customer copies this from the screen.
const INITIAL_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A company-issued initial execution password that satisfies every rule for this customer (R9). */
export function generateInitialExecutionPassword(ctx: PolicyContext): string {
  for (;;) {
    const candidate = Array.from({ length: 8 }, () => INITIAL_ALPHABET[randomInt(INITIAL_ALPHABET.length)]).join("");
    const classes = [/\d/, /[a-z]/, /[A-Z]/].filter((re) => re.test(candidate)).length;
    if (classes === 3 && checkPassword("execution", candidate, ctx).length === 0) return candidate;
  }
}

/**
 * Issues (or reissues) the initial execution password: stores its hash and, so お知らせ
 * can show it until the customer changes it, an encrypted copy. Returns the plain password,
 * or null when a first issue found one already issued.
 * An operator's reissue replaces a password the customer had, so it is mailed (always, R38)
 * with the change.
 */
export async function issueInitialExecutionPassword(
  db: Db,
  services: CoreServices,
  customerId: string,
  options: { reissue?: boolean } = {},
) {
  const ctx = await policyContext(db, customerId);
  const plain = generateInitialExecutionPassword(ctx);
  const hash = await hashPassword(plain);
  const issued = await db.transaction(async (tx) => {
    const updated = await tx
      .update(customers)
      .set({
        executionPasswordHash: hash,
        initialExecutionPasswordEnc: services.secretBox.seal(plain),
        executionPasswordChangedAt: null,
      })
      // A first issue only where none exists: another core instance starting at the same
      // time may have issued it already, and its password is the one お知らせ shows.
      .where(
        options.reissue
          ? eq(customers.id, customerId)
          : and(eq(customers.id, customerId), isNull(customers.executionPasswordHash)),
      )
      .returning({ id: customers.id });
    if (updated.length === 0) return false;
    await tx.insert(passwordHistory).values({ customerId, kind: "execution", hash });
    if (!options.reissue) return true;
    const [customer] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
    if (!customer) return true;
    await enqueueMail(tx, {
      customerId,
      type: "execution_password_changed",
      data: { customerName: customer.name, at: services.clock.now(customerId), origin: "operator", reissued: true },
    });
    return true;
  });
  return issued ? plain : null;
}

/** Customers created before the execution password existed get their initial one at start. */
export async function issueMissingInitialExecutionPasswords(db: Db, services: CoreServices): Promise<number> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(sql`${customers.executionPasswordHash} is null`);
  let issued = 0;
  for (const row of rows) if (await issueInitialExecutionPassword(db, services, row.id)) issued++;
  return issued;
}

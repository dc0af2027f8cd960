import type { CredentialStatus } from "@kakunin/contracts/credentials";
import { EXECUTION_PASSWORD_MAX_ATTEMPTS } from "@kakunin/contracts/errors";
import type { Locale } from "@kakunin/contracts/locale";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { customers } from "../../db/schema.ts";
import { AppError } from "../../lib/errors.ts";
import type { CoreServices } from "../../lib/types.ts";
import { supportContact } from "../../mail/support-contact.ts";
import { describeSchedule } from "../schedule.ts";

/**
 * 執行パスワード status for the credentials screen: initial or changed, tries left, lock, the
 * schedule, and whom a locked customer calls (the hours in the reader's language, R36).
 */
export async function credentialStatus(
  db: Db,
  services: CoreServices,
  customerId: string,
  locale: Locale,
): Promise<CredentialStatus> {
  const [row] = await db
    .select({
      enc: customers.initialExecutionPasswordEnc,
      changedAt: customers.executionPasswordChangedAt,
      attempts: customers.executionFailedAttempts,
      lockedAt: customers.lockedAt,
    })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  return {
    executionPassword: {
      isInitial: row.enc !== null,
      changedAt: row.changedAt?.toISOString() ?? null,
      remainingAttempts: row.lockedAt ? 0 : EXECUTION_PASSWORD_MAX_ATTEMPTS - row.attempts,
      locked: row.lockedAt !== null,
    },
    schedule: describeSchedule(services.settings, services.clock.now(customerId)),
    supportContact: { ...supportContact(locale) },
  };
}

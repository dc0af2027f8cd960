import { randomUUID } from "node:crypto";
import { type Locale, toLocale } from "@kakunin/contracts/locale";
import { type MailType, type OptionalMailType, optionalMailTypes } from "@kakunin/contracts/mail";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { customers, outbox } from "../db/schema.ts";
import { readMailSettings } from "./settings.ts";
import { type MailData, renderMail } from "./templates.ts";

const isOptional = (type: MailType): type is OptionalMailType =>
  (optionalMailTypes as readonly string[]).includes(type);

/** Message-IDs are fixed when the mail is queued: a resend after a crash is recognisably the same mail. */
export const MESSAGE_ID_DOMAIN = "kakunin.mail";

/**
 * Where a mail of `type` goes for this customer now: the 配信先 of an optional type that is
 * 配信中 (none when 配信不要), else the first registered address. Also what a screen is told
 * before the mail exists (e.g. where a fill will be notified, issue 17 B7).
 */
export async function mailRecipient(db: Db | Tx, customerId: string, type: MailType): Promise<string | null> {
  const { addresses, settings } = await readMailSettings(db, customerId);
  const setting = isOptional(type) ? settings.find((s) => s.type === type) : undefined;
  if (isOptional(type) && !setting?.enabled) return null;
  const position = setting?.destination ?? 1;
  return addresses.find((a) => a.position === position)?.address ?? addresses[0]?.address ?? null;
}

/**
 * The customer's language (customers.locale, R36) as the transaction sees it: Japanese unless
 * they chose English.
 */
export async function customerLocale(db: Db | Tx, customerId: string): Promise<Locale> {
  const [row] = await db.select({ locale: customers.locale }).from(customers).where(eq(customers.id, customerId));
  return toLocale(row?.locale);
}

/**
 * Queues a mail in the caller's transaction (R25): the mail exists if and only if the change
 * that causes it commits. Optional types follow the customer's setting (配信中 / 配信不要 and
 * 配信先); mandatory ones go to the first registered address unless `to` says otherwise.
 * Worded in the customer's language (R36). Returns the addresses queued (empty when the
 * customer turned the mail off).
 */
export async function enqueueMail<T extends MailType>(
  tx: Db | Tx,
  mail: { customerId: string; type: T; data: MailData[T]; to?: string[] },
): Promise<string[]> {
  let recipients = mail.to;
  if (!recipients) {
    const address = await mailRecipient(tx, mail.customerId, mail.type);
    recipients = address ? [address] : [];
  }
  if (recipients.length === 0) return [];
  // The language is fixed now, with the event, and the mail is worded now (stored in the row):
  // the customer is told in the language they had chosen when it happened, and a mail delayed
  // by retries or re-queued by an operator days later still says exactly that.
  const locale = await customerLocale(tx, mail.customerId);
  const { subject, text } = renderMail(mail.type, mail.data, { locale });
  await tx.insert(outbox).values(
    recipients.map((toAddress) => ({
      messageId: `<${randomUUID()}@${MESSAGE_ID_DOMAIN}>`,
      customerId: mail.customerId,
      mailType: mail.type,
      toAddress,
      subject,
      bodyText: text,
      locale,
    })),
  );
  return recipients;
}

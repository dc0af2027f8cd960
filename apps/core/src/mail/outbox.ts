import { randomUUID } from "node:crypto";
import { type MailType, type OptionalMailType, optionalMailTypes } from "@kakunin/contracts/mail";
import type { Db, Tx } from "../db/client.ts";
import { outbox } from "../db/schema.ts";
import { readMailSettings } from "./settings.ts";
import { type MailData, renderMail } from "./templates.ts";

const isOptional = (type: MailType): type is OptionalMailType =>
  (optionalMailTypes as readonly string[]).includes(type);

/** Message-IDs are fixed when the mail is queued: a resend after a crash is recognisably the same mail. */
export const MESSAGE_ID_DOMAIN = "kakunin.mail";

/**
 * Queues a mail in the caller's transaction (R25): the mail exists if and only if the change
 * that causes it commits. Optional types follow the customer's setting (配信中 / 配信不要 and
 * 配信先); mandatory ones go to the first registered address unless `to` says otherwise.
 * Returns the addresses queued (empty when the customer turned the mail off).
 */
export async function enqueueMail<T extends MailType>(
  tx: Db | Tx,
  mail: { customerId: string; type: T; data: MailData[T]; to?: string[] },
): Promise<string[]> {
  let recipients = mail.to;
  if (!recipients) {
    const { addresses, settings } = await readMailSettings(tx, mail.customerId);
    const setting = isOptional(mail.type) ? settings.find((s) => s.type === mail.type) : undefined;
    if (isOptional(mail.type) && !setting?.enabled) return [];
    const position = setting?.destination ?? 1;
    const address = addresses.find((a) => a.position === position)?.address ?? addresses[0]?.address;
    recipients = address ? [address] : [];
  }
  if (recipients.length === 0) return [];
  const { subject, text } = renderMail(mail.type, mail.data);
  await tx.insert(outbox).values(
    recipients.map((toAddress) => ({
      messageId: `<${randomUUID()}@${MESSAGE_ID_DOMAIN}>`,
      customerId: mail.customerId,
      mailType: mail.type,
      toAddress,
      subject,
      bodyText: text,
    })),
  );
  return recipients;
}

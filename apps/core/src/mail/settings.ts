import { type MailSettings, mailTypeLabels, type OptionalMailType, optionalMailTypes } from "@kakunin/contracts/mail";
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { customerEmails, mailSettings } from "../db/schema.ts";

/** A customer's mail settings, with the notice's defaults (配信不要, first address) where none is stored. */
export async function readMailSettings(db: Db | Tx, customerId: string): Promise<MailSettings> {
  const [addresses, rows] = await Promise.all([
    db
      .select({ position: customerEmails.position, address: customerEmails.address })
      .from(customerEmails)
      .where(eq(customerEmails.customerId, customerId))
      .orderBy(asc(customerEmails.position)),
    db.select().from(mailSettings).where(eq(mailSettings.customerId, customerId)),
  ]);
  const stored = new Map(rows.map((r) => [r.mailType, r]));
  return {
    addresses: addresses.map((a) => ({ position: a.position === 2 ? 2 : 1, address: a.address })),
    settings: optionalMailTypes.map((type) => {
      const row = stored.get(type);
      return {
        type,
        label: mailTypeLabels[type],
        enabled: row?.enabled ?? false,
        destination: row?.destination === 2 ? 2 : 1,
      };
    }),
  };
}

export async function writeMailSetting(
  db: Db | Tx,
  customerId: string,
  setting: { type: OptionalMailType; enabled: boolean; destination: 1 | 2 },
) {
  await db
    .insert(mailSettings)
    .values({ customerId, mailType: setting.type, enabled: setting.enabled, destination: setting.destination })
    .onConflictDoUpdate({
      target: [mailSettings.customerId, mailSettings.mailType],
      set: { enabled: setting.enabled, destination: setting.destination, updatedAt: new Date() },
    });
}

import type { ClientContext } from "@kakunin/contracts/core-api";
import type { MailSettingChange, MailSettings } from "@kakunin/contracts/mail";
import { messageRef } from "@kakunin/contracts/message-ref";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customers } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { readMailSettings, writeMailSetting } from "../mail/settings.ts";
import { recordAudit } from "./audit.ts";

interface Actor {
  customerId: string;
  client: ClientContext;
  requestId?: string | undefined;
}

/**
 * メールサービス配信設定の変更 (R24): one type's 配信設定 and 配信先, which must be a
 * registered address. The change, its audit record and the 口座情報変更完了通知メール commit
 * together. That mail goes where such notices went before the change when they were on —
 * so turning the notices off, or moving them to another address, is itself reported to the
 * address that was receiving them — and otherwise follows the new setting (e.g. when the
 * customer has just turned them on). Submitting the current values changes nothing and
 * mails nothing.
 */
export async function changeMailSetting(
  db: Db,
  services: CoreServices,
  actor: Actor & { change: MailSettingChange },
): Promise<MailSettings> {
  const { type, enabled, destination } = actor.change;
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ name: customers.name })
      .from(customers)
      .where(eq(customers.id, actor.customerId))
      .for("update");
    if (!customer) throw new AppError("not_found", 404);
    const current = await readMailSettings(tx, actor.customerId);
    if (!current.addresses.some((a) => a.position === destination)) {
      throw new AppError("validation_failed", 400, {
        fields: [
          { path: "destination", message: messageRef("server.mailSettings.destinationNotRegistered", { destination }) },
        ],
      });
    }
    const before = current.settings.find((s) => s.type === type);
    const changed = before?.enabled !== enabled || before.destination !== destination;
    await recordAudit(tx, {
      eventType: "mail_setting_change",
      outcome: changed ? "success" : "noop",
      customerId: actor.customerId,
      client: actor.client,
      requestId: actor.requestId,
      detail: { type, enabled, destination },
    });
    if (!changed) return current;

    const notify = () =>
      enqueueMail(tx, {
        customerId: actor.customerId,
        type: "account_info_changed",
        data: {
          customerName: customer.name,
          at: services.clock.now(actor.customerId),
          items: [{ mailSetting: type }],
        },
      });
    const noticesWereOn = current.settings.find((s) => s.type === "account_info_changed")?.enabled ?? false;
    if (noticesWereOn) await notify();
    await writeMailSetting(tx, actor.customerId, actor.change);
    if (!noticesWereOn) await notify();
    return readMailSettings(tx, actor.customerId);
  });
}

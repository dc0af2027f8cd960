import type { ClientContext } from "@kakunin/contracts/core-api";
import {
  type AccountOpening,
  accountKindSchema,
  type EmailChange,
  type Profile,
  type ProfileChange,
  type ProfileChangeReceipt,
  type RegisteredEmails,
} from "@kakunin/contracts/registered-info";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import { accountOpenings, bankAccounts, customerEmails, customers } from "../db/schema.ts";
import { AppError } from "../lib/errors.ts";
import type { CoreServices } from "../lib/types.ts";
import { maskAccountNumber, maskEmail } from "../mail/format.ts";
import { enqueueMail } from "../mail/outbox.ts";
import { recordAudit } from "./audit.ts";
import { refuseIfStopped } from "./trading-stop.ts";

interface Actor {
  customerId: string;
  client: ClientContext;
  requestId?: string | undefined;
}

/** 口座情報 (R20); the bank account number leaves core masked. */
export async function readProfile(db: Db | Tx, customerId: string): Promise<Profile> {
  const [row] = await db
    .select({
      customerCode: customers.customerCode,
      name: customers.name,
      nameKana: customers.nameKana,
      birthDate: customers.birthDate,
      postalCode: customers.postalCode,
      address: customers.address,
      phone: customers.phone,
      bank: {
        bankName: bankAccounts.bankName,
        branchName: bankAccounts.branchName,
        accountType: bankAccounts.accountType,
        accountNumber: bankAccounts.accountNumber,
        holderKana: bankAccounts.holderKana,
      },
    })
    .from(customers)
    .leftJoin(bankAccounts, and(eq(bankAccounts.customerId, customers.id), isNull(bankAccounts.retiredAt)))
    .where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  const { bank, ...profile } = row;
  return {
    ...profile,
    bankAccount: bank
      ? {
          bankName: bank.bankName,
          branchName: bank.branchName,
          accountType: bank.accountType,
          accountNumberMasked: maskAccountNumber(bank.accountNumber),
          holderKana: bank.holderKana,
        }
      : null,
  };
}

/** The fields 口座情報変更 changes, in the order its mail names them (worded by the mail, R36). */
const profileItems = ["postalCode", "address", "phone"] as const;

/**
 * 口座情報変更: postal code, address and phone. The change, its audit record and the
 * 口座情報変更完了通知メール (when the customer turned it on, R22) commit together.
 * Submitting the current values changes nothing and mails nothing.
 */
export async function changeProfile(
  db: Db,
  services: CoreServices,
  actor: Actor & { change: ProfileChange },
): Promise<ProfileChangeReceipt> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        name: customers.name,
        postalCode: customers.postalCode,
        address: customers.address,
        phone: customers.phone,
      })
      .from(customers)
      .where(eq(customers.id, actor.customerId))
      .for("update");
    if (!current) throw new AppError("not_found", 404);
    const changed = profileItems.filter((key) => current[key] !== actor.change[key]);
    const audit = (outcome: "success" | "noop") =>
      recordAudit(tx, {
        eventType: "profile_change",
        outcome,
        customerId: actor.customerId,
        client: actor.client,
        requestId: actor.requestId,
        detail: { items: changed },
      });
    if (changed.length === 0) {
      await audit("noop");
      return readProfile(tx, actor.customerId);
    }
    await tx
      .update(customers)
      .set({ postalCode: actor.change.postalCode, address: actor.change.address, phone: actor.change.phone })
      .where(eq(customers.id, actor.customerId));
    await audit("success");
    const [sentTo] = await enqueueMail(tx, {
      customerId: actor.customerId,
      type: "account_info_changed",
      data: {
        customerName: current.name,
        at: services.clock.now(actor.customerId),
        items: changed,
      },
    });
    return { ...(await readProfile(tx, actor.customerId)), notificationSentTo: sentTo ? maskEmail(sentTo) : null };
  });
}

/** 口座開設状況 (R20): every kind of account, in the screen's order; kinds without a row are 未開設. */
export async function listAccountOpenings(db: Db, customerId: string): Promise<AccountOpening[]> {
  await requireCustomer(db, customerId);
  const rows = await db.select().from(accountOpenings).where(eq(accountOpenings.customerId, customerId));
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return accountKindSchema.options.map((kind) => {
    const row = byKind.get(kind);
    return row
      ? { kind, status: row.status, appliedOn: row.appliedOn, openedOn: row.openedOn }
      : { kind, status: "未開設", appliedOn: null, openedOn: null };
  });
}

async function requireCustomer(db: Db | Tx, customerId: string) {
  const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
  if (!row) throw new AppError("not_found", 404);
  return row;
}

async function readEmails(db: Db | Tx, customerId: string): Promise<RegisteredEmails["addresses"]> {
  const rows = await db
    .select({ position: customerEmails.position, address: customerEmails.address })
    .from(customerEmails)
    .where(eq(customerEmails.customerId, customerId))
    .orderBy(asc(customerEmails.position));
  return rows.map((r) => ({ position: r.position === 2 ? 2 : 1, address: r.address }));
}

/** メールアドレス登録 (R20): the registered addresses, up to 2. */
export async function getEmails(db: Db, customerId: string): Promise<RegisteredEmails> {
  await requireCustomer(db, customerId);
  return { addresses: await readEmails(db, customerId) };
}

const fieldError = (path: string, message: string) =>
  new AppError("validation_failed", 400, { fields: [{ path, message }] });

/**
 * Sets address 1 or 2. メールアドレス変更通知 is always sent, to the old and the new
 * address (R22); for a newly added second address, to it and to address 1. The
 * 口座情報変更完了通知メール follows the customer's setting. All commit with the change.
 */
export async function changeEmail(
  db: Db,
  services: CoreServices,
  actor: Actor & { change: EmailChange },
): Promise<RegisteredEmails> {
  await refuseIfStopped(db, services, { ...actor, action: "change_email" });
  const { position, address } = actor.change;
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ name: customers.name })
      .from(customers)
      .where(eq(customers.id, actor.customerId))
      .for("update");
    if (!customer) throw new AppError("not_found", 404);
    const addresses = await readEmails(tx, actor.customerId);
    const current = addresses.find((a) => a.position === position);
    const other = addresses.find((a) => a.position !== position);
    if (other && other.address.toLowerCase() === address.toLowerCase()) {
      throw fieldError("address", "server.email.sameAddress");
    }
    if (position === 2 && !other) throw fieldError("position", "server.email.firstAddressFirst");
    const audit = (outcome: "success" | "noop") =>
      recordAudit(tx, {
        eventType: "email_change",
        outcome,
        customerId: actor.customerId,
        client: actor.client,
        requestId: actor.requestId,
        detail: {
          position,
          oldAddress: current ? maskEmail(current.address) : null,
          newAddress: maskEmail(address),
        },
      });
    if (current?.address === address) {
      await audit("noop");
      return { addresses };
    }

    if (current) {
      await tx
        .update(customerEmails)
        .set({ address })
        .where(and(eq(customerEmails.customerId, actor.customerId), eq(customerEmails.position, position)));
    } else {
      await tx.insert(customerEmails).values({ customerId: actor.customerId, position, address });
    }
    await audit("success");
    const at = services.clock.now(actor.customerId);
    await enqueueMail(tx, {
      customerId: actor.customerId,
      type: "email_changed",
      to: current ? [current.address, address] : [address, ...(other ? [other.address] : [])],
      data: {
        customerName: customer.name,
        at,
        oldAddress: current?.address ?? null,
        newAddress: address,
        origin: actor.client,
      },
    });
    await enqueueMail(tx, {
      customerId: actor.customerId,
      type: "account_info_changed",
      data: { customerName: customer.name, at, items: ["email"] },
    });
    return { addresses: await readEmails(tx, actor.customerId) };
  });
}

import type { SupportContact } from "./security-layout.ts";

/** The defaults of SUPPORT_PHONE and SUPPORT_HOURS (env.ts), for code run without main.ts (tests, seeding). */
export const DEFAULT_SUPPORT_CONTACT: Readonly<SupportContact> = { phone: "0120-000-000", hours: "平日 8:30〜17:00" };

let configured: Readonly<SupportContact> = DEFAULT_SUPPORT_CONTACT;

/**
 * Sets the number and hours every mail names (issue 17), once, from the environment in main.ts.
 * Process-wide rather than passed along: mails are rendered in `enqueueMail`, which some two
 * dozen domain functions call, several without `CoreServices`; the contact is deployment
 * configuration that never changes while core runs (decision 014).
 */
export function configureSupportContact(contact: SupportContact): void {
  configured = { ...contact };
}

export function supportContact(): Readonly<SupportContact> {
  return configured;
}

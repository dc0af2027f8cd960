import type { Locale } from "@kakunin/contracts/locale";
import type { SupportContact } from "./security-layout.ts";

/** The defaults of SUPPORT_PHONE and SUPPORT_HOURS (env.ts), for code run without main.ts (tests, seeding). */
export const DEFAULT_SUPPORT_CONTACT: Readonly<SupportContact> = { phone: "0120-000-000", hours: "平日 8:30〜17:00" };
/** The default hours as English mails state them (SUPPORT_HOURS_EN). */
export const DEFAULT_SUPPORT_HOURS_EN = "weekdays 8:30–17:00 JST";

let configured: Readonly<SupportContact> = DEFAULT_SUPPORT_CONTACT;
let configuredHoursEn: string | undefined;

/**
 * Sets the number and hours every mail names (issue 17), once, from the environment in main.ts.
 * Process-wide rather than passed along: mails are rendered in `enqueueMail`, which some two
 * dozen domain functions call, several without `CoreServices`; the contact is deployment
 * configuration that never changes while core runs (decision 014). `hoursEn`: the hours as
 * English mails word them (R36).
 */
export function configureSupportContact(contact: SupportContact, hoursEn?: string): void {
  configured = { phone: contact.phone, hours: contact.hours };
  configuredHoursEn = hoursEn;
}

/**
 * The contact in `locale` (Japanese unless asked). English hours: the configured ones; else the
 * English of the default hours — but when only the Japanese hours were changed, those, since
 * Japanese hours are better than wrong ones.
 */
export function supportContact(locale: Locale = "ja"): Readonly<SupportContact> {
  if (locale === "ja") return configured;
  const hours =
    configuredHoursEn ??
    (configured.hours === DEFAULT_SUPPORT_CONTACT.hours ? DEFAULT_SUPPORT_HOURS_EN : configured.hours);
  return { phone: configured.phone, hours };
}

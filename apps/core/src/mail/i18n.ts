import type { Locale } from "@kakunin/contracts/locale";
import type { MessageValues } from "@kakunin/contracts/message-ref";
import { createTranslator } from "@kakunin/contracts/translator";
import { formatJst, formatYen } from "./format.ts";
import en from "./locales/en.json" with { type: "json" };
import ja from "./locales/ja.json" with { type: "json" };
import type { SupportContact } from "./security-layout.ts";

/** Core's mail catalogue (R36): every word of every mail, in Japanese and English. */
export const mailTranslator = createTranslator([{ ja, en }]);

/** What a template needs to word one mail: the language and the support contact in it. */
export interface MailContext {
  locale: Locale;
  t: (id: string, values?: MessageValues) => string;
  /** A moment in JST, as this language writes it. */
  at: (moment: Date) => string;
  yen: (amount: number) => string;
  /** 「お客様サポートセンター（電話 …、受付時間 …）」 in this language. */
  supportCenter: string;
}

export function mailContext(locale: Locale, contact: SupportContact): MailContext {
  const t = (id: string, values?: MessageValues) => mailTranslator.t(locale, id, values);
  return {
    locale,
    t,
    at: (moment) => formatJst(moment, locale),
    yen: (amount) => formatYen(amount, locale),
    supportCenter: t("mail.layout.supportCenter", { phone: contact.phone, hours: contact.hours }),
  };
}

import { appCatalog } from "../app/i18n.ts";
import { useT } from "../lib/i18n/use-t.ts";

export interface MailNotificationNoteProps {
  /**
   * The notice's name of the mail, e.g. 出金申込完了通知メール; in English lower-case, read
   * after "the" (withdrawal request confirmation email).
   */
  label: string;
  /**
   * From the operation's answer: the masked address it went to, null when the customer set it
   * to 配信不要, undefined when the answer does not say (a replay of the same request).
   */
  sentTo: string | null | undefined;
  /** The mail is still to come (e.g. at the fill of an open order), not already sent. */
  upcoming?: {
    /** e.g. 約定しましたら; in English it opens the sentence ("Once the order is executed"). */
    when: string;
  };
}

/**
 * What a completion screen says about its notification mail (issue 17 B7): what actually
 * happened, from the server, instead of 「配信中に設定されている場合は…」.
 */
export function MailNotificationNote({ label, sentTo, upcoming }: MailNotificationNoteProps) {
  const { t } = useT(appCatalog);
  if (sentTo === undefined) return null;
  const text = upcoming
    ? sentTo
      ? t("app.mailNote.upcoming", { when: upcoming.when, label, sentTo })
      : t("app.mailNote.upcomingNotSent", { label, when: upcoming.when })
    : sentTo
      ? t("app.mailNote.sent", { label, sentTo })
      : t("app.mailNote.notSent", { label });
  return <p className="kk-text-sm kk-text-muted">{text}</p>;
}

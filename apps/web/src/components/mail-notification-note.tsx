export interface MailNotificationNoteProps {
  /** The notice's name of the mail, e.g. 出金申込完了通知メール. */
  label: string;
  /**
   * From the operation's answer: the masked address it went to, null when the customer set it
   * to 配信不要, undefined when the answer does not say (a replay of the same request).
   */
  sentTo: string | null | undefined;
  /** The mail is still to come (e.g. at the fill of an open order), not already sent. */
  upcoming?: { when: string };
}

/**
 * What a completion screen says about its notification mail (issue 17 B7): what actually
 * happened, from the server, instead of 「配信中に設定されている場合は…」.
 */
export function MailNotificationNote({ label, sentTo, upcoming }: MailNotificationNoteProps) {
  if (sentTo === undefined) return null;
  const text = upcoming
    ? sentTo
      ? `${upcoming.when}、${label}を ${sentTo} にお送りします。`
      : `${label}は配信不要に設定されているため、${upcoming.when}もメールはお送りしません。`
    : sentTo
      ? `${label}を ${sentTo} にお送りしました。`
      : `${label}は配信不要に設定されているため、お送りしていません。`;
  return <p className="kk-text-sm kk-text-muted">{text}</p>;
}

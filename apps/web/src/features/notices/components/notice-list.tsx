import type { Notice } from "@kakunin/contracts/customers";
import { useId } from "react";
import { Link } from "react-router";
import { QueryStatus } from "../../../components/query-status.tsx";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { useNotices } from "../api/get-notices.ts";
import { noticesCatalog } from "../i18n.ts";

export type NoticeTopic = NonNullable<Notice["topic"]>;

/**
 * Where a notice's call to action leads, e.g. 執行パスワード変更へ. The app passes it in:
 * the screens belong to other features, which this one does not know. The label comes
 * already worded in the current language.
 */
export type NoticeTopicLinks = Partial<Record<NoticeTopic, { label: string; to: string }>>;

function NoticeItem({ notice, topicLinks }: { notice: Notice; topicLinks: NoticeTopicLinks }) {
  const { t } = useT(noticesCatalog);
  const action = notice.topic ? topicLinks[notice.topic] : undefined;
  return (
    <li className="kk-notice">
      <p className="kk-notice__meta">
        {notice.kind === "important" && <span className="kk-badge kk-badge--important">{t("notices.important")}</span>}
        <time dateTime={notice.publishedAt}>{formatJstDateTime(notice.publishedAt)}</time>
      </p>
      <h3 className="kk-notice__title">{notice.title}</h3>
      <p className="kk-notice__body">{notice.body}</p>
      {action && (
        <p className="kk-notice__action">
          <Link to={action.to}>{action.label}</Link>
        </p>
      )}
    </li>
  );
}

function NoticeListBody({ topicLinks }: { topicLinks: NoticeTopicLinks }) {
  const { t } = useT(noticesCatalog);
  const notices = useNotices();
  if (!notices.isSuccess) return <QueryStatus query={notices} what={t("notices.what")} requestId={false} />;
  if (notices.data.notices.length === 0) return <p>{t("notices.empty")}</p>;
  return (
    <ul className="kk-notice-list">
      {notices.data.notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} topicLinks={topicLinks} />
      ))}
    </ul>
  );
}

export interface NoticeListProps {
  topicLinks?: NoticeTopicLinks;
}

export function NoticeList({ topicLinks = {} }: NoticeListProps) {
  const { t } = useT(noticesCatalog);
  const headingId = useId();
  return (
    <section className="kk-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("notices.heading")}</h2>
      <NoticeListBody topicLinks={topicLinks} />
    </section>
  );
}

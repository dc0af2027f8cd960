import type { Notice } from "@kakunin/contracts/customers";
import { useId } from "react";
import { Link } from "react-router";
import { QueryStatus } from "../../../components/query-status.tsx";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useNotices } from "../api/get-notices.ts";

export type NoticeTopic = NonNullable<Notice["topic"]>;

/**
 * Where a notice's call to action leads, e.g. 執行パスワード変更へ. The app passes it in:
 * the screens belong to other features, which this one does not know.
 */
export type NoticeTopicLinks = Partial<Record<NoticeTopic, { label: string; to: string }>>;

function NoticeItem({ notice, topicLinks }: { notice: Notice; topicLinks: NoticeTopicLinks }) {
  const action = notice.topic ? topicLinks[notice.topic] : undefined;
  return (
    <li className="kk-notice">
      <p className="kk-notice__meta">
        {notice.kind === "important" && <span className="kk-badge kk-badge--important">重要</span>}
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
  const notices = useNotices();
  if (!notices.isSuccess) return <QueryStatus query={notices} what="お知らせ" requestId={false} />;
  if (notices.data.notices.length === 0) return <p>現在お知らせはありません。</p>;
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
  const headingId = useId();
  return (
    <section className="kk-card" aria-labelledby={headingId}>
      <h2 id={headingId}>お知らせ</h2>
      <NoticeListBody topicLinks={topicLinks} />
    </section>
  );
}

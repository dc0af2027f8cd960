import type { Notice } from "@kakunin/contracts/customers";
import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { useId } from "react";
import { isApiError } from "../../../lib/api-client.ts";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useNotices } from "../api/get-notices.ts";

function NoticeItem({ notice }: { notice: Notice }) {
  return (
    <li className="kk-notice">
      <p className="kk-notice__meta">
        {notice.kind === "important" && <span className="kk-badge kk-badge--important">重要</span>}
        <time dateTime={notice.publishedAt}>{formatJstDateTime(notice.publishedAt)}</time>
      </p>
      <h3 className="kk-notice__title">{notice.title}</h3>
      <p className="kk-notice__body">{notice.body}</p>
    </li>
  );
}

function NoticeListBody() {
  const notices = useNotices();
  if (notices.isPending) {
    return (
      <p className="kk-loading" role="status">
        お知らせを読み込んでいます…
      </p>
    );
  }
  if (notices.isError) {
    return (
      <Alert
        variant="error"
        actions={
          <Button variant="secondary" loading={notices.isFetching} onClick={() => void notices.refetch()}>
            再試行
          </Button>
        }
      >
        <p>お知らせを表示できませんでした。</p>
        {isApiError(notices.error) && <p>{notices.error.message}</p>}
      </Alert>
    );
  }
  if (notices.data.notices.length === 0) return <p>現在お知らせはありません。</p>;
  return (
    <ul className="kk-notice-list">
      {notices.data.notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </ul>
  );
}

export function NoticeList() {
  const headingId = useId();
  return (
    <section className="kk-card" aria-labelledby={headingId}>
      <h2 id={headingId}>お知らせ</h2>
      <NoticeListBody />
    </section>
  );
}

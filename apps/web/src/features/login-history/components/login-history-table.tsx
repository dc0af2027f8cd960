import type { LoginHistoryEntry } from "@kakunin/contracts/customers";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId } from "react";
import { MorePages } from "../../../components/more-pages.tsx";
import { QueryStatus } from "../../../components/query-status.tsx";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useLoginHistory } from "../api/get-login-history.ts";
import { describeUserAgent } from "../utils/describe-user-agent.ts";

function HistoryRow({ entry }: { entry: LoginHistoryEntry }) {
  const success = entry.outcome === "success";
  return (
    <tr>
      <td data-label="日時" className="kk-table__nowrap">
        <time dateTime={entry.at}>{formatJstDateTime(entry.at)}</time>
      </td>
      <td data-label="結果">
        {/* One span: on a phone's card both badges stay together, opposite the label. */}
        <span>
          <span className={success ? "kk-badge kk-badge--success" : "kk-badge kk-badge--failure"}>
            {success ? "成功" : "失敗"}
          </span>
          {/* Issue 15: the first login from this device; a customer who does not recognise it calls support. */}
          {entry.newDevice && " "}
          {entry.newDevice && <span className="kk-badge kk-badge--pending">新しい端末</span>}
        </span>
      </td>
      <td data-label="IPアドレス" className="kk-table__mono">
        {entry.ipAddress ?? "不明"}
      </td>
      {/* The full user agent stays available on hover for customers who want the detail. */}
      <td data-label="ブラウザ" title={entry.userAgent ?? undefined}>
        {describeUserAgent(entry.userAgent)}
      </td>
    </tr>
  );
}

export function LoginHistoryTable() {
  const history = useLoginHistory();
  const captionId = useId();

  if (!history.isSuccess) return <QueryStatus query={history} what="ログイン履歴" requestId={false} />;
  const entries = history.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <p>ログイン履歴はありません。</p>;

  return (
    <>
      <TableRegion labelledBy={captionId}>
        <table className="kk-table kk-table--cards">
          <caption id={captionId}>最近のログイン（日時は日本時間）</caption>
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">結果</th>
              <th scope="col">IPアドレス</th>
              <th scope="col">ブラウザ</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and this read-only list is never reordered.
              <HistoryRow key={`${entry.at}-${index}`} entry={entry} />
            ))}
          </tbody>
        </table>
      </TableRegion>
      <MorePages query={history} what="ログイン履歴" />
    </>
  );
}

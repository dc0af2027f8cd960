import type { LoginHistoryEntry } from "@kakunin/contracts/customers";
import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId } from "react";
import { isApiError } from "../../../lib/api-client.ts";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useLoginHistory } from "../api/get-login-history.ts";
import { describeUserAgent } from "../utils/describe-user-agent.ts";

function HistoryRow({ entry }: { entry: LoginHistoryEntry }) {
  const success = entry.outcome === "success";
  return (
    <tr>
      <td className="kk-table__nowrap">
        <time dateTime={entry.at}>{formatJstDateTime(entry.at)}</time>
      </td>
      <td>
        <span className={success ? "kk-badge kk-badge--success" : "kk-badge kk-badge--failure"}>
          {success ? "成功" : "失敗"}
        </span>
      </td>
      <td className="kk-table__mono">{entry.ipAddress ?? "不明"}</td>
      {/* The full user agent stays available on hover for customers who want the detail. */}
      <td title={entry.userAgent ?? undefined}>{describeUserAgent(entry.userAgent)}</td>
    </tr>
  );
}

export function LoginHistoryTable() {
  const history = useLoginHistory();
  const captionId = useId();

  if (history.isPending) {
    return (
      <p className="kk-loading" role="status">
        ログイン履歴を読み込んでいます…
      </p>
    );
  }
  if (history.isError) {
    return (
      <Alert
        variant="error"
        actions={
          <Button variant="secondary" loading={history.isFetching} onClick={() => void history.refetch()}>
            再試行
          </Button>
        }
      >
        <p>ログイン履歴を表示できませんでした。</p>
        {isApiError(history.error) && <p>{history.error.message}</p>}
      </Alert>
    );
  }
  if (history.data.entries.length === 0) return <p>ログイン履歴はありません。</p>;

  return (
    <TableRegion labelledBy={captionId}>
      <table className="kk-table">
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
          {history.data.entries.map((entry, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and this read-only list is never reordered.
            <HistoryRow key={`${entry.at}-${index}`} entry={entry} />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

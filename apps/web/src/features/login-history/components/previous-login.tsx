import { QueryStatus } from "../../../components/query-status.tsx";
import { formatJstDateTime } from "../../../lib/format.ts";
import { usePreviousLogin } from "../api/get-previous-login.ts";
import { describeUserAgent } from "../utils/describe-user-agent.ts";

/**
 * 前回ログイン on 会員トップ (R42): when, with what and from where the customer last logged
 * in before this session, so a login they do not recognise stands out.
 */
export function PreviousLogin() {
  const previous = usePreviousLogin();
  if (!previous.isSuccess) return <QueryStatus query={previous} what="前回ログイン" />;
  const entry = previous.data.previousLogin;
  if (!entry) {
    return <p className="kk-text-sm">前回ログイン: なし（今回が初めてのログインです）</p>;
  }
  return (
    <p className="kk-text-sm">
      前回ログイン: <time dateTime={entry.at}>{formatJstDateTime(entry.at)}</time>（日本時間）
      <span title={entry.userAgent ?? undefined}> {describeUserAgent(entry.userAgent)}</span>
      {` IPアドレス: ${entry.ipAddress ?? "不明"}`}
    </p>
  );
}

import type { ActiveSession } from "@kakunin/contracts/sessions";
import { Button } from "@kakunin/ui/button";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId } from "react";
import { formatJstDateTime } from "../../../lib/format.ts";

/** "Chrome 131（Windows 10）", as parsed by the BFF; what the User-Agent did not say reads 不明. */
export function deviceLabel(session: Pick<ActiveSession, "browser" | "os">): string {
  if (session.browser && session.os) return `${session.browser}（${session.os}）`;
  return session.browser ?? session.os ?? "不明な端末";
}

function SessionRow({ session, onEnd }: { session: ActiveSession; onEnd: (session: ActiveSession) => void }) {
  return (
    <tr>
      <th scope="row">
        {deviceLabel(session)}
        {session.current && (
          <>
            {" "}
            <span className="kk-badge kk-badge--success">この端末</span>
          </>
        )}
      </th>
      <td data-label="IPアドレス" className="kk-table__mono">
        {session.ipAddress ?? "不明"}
      </td>
      <td data-label="開始日時" className="kk-table__nowrap">
        <time dateTime={session.createdAt}>{formatJstDateTime(session.createdAt)}</time>
      </td>
      <td data-label="最終操作" className="kk-table__nowrap">
        <time dateTime={session.lastSeenAt}>{formatJstDateTime(session.lastSeenAt)}</time>
      </td>
      <td data-label="操作" className="kk-table__actions">
        {session.current ? (
          // This browser logs out from the menu; ending it here would strand the customer mid-screen.
          <span className="kk-text-sm">ご利用中</span>
        ) : (
          <Button variant="secondary" onClick={() => onEnd(session)} aria-label={`${deviceLabel(session)}をログアウト`}>
            ログアウト
          </Button>
        )}
      </td>
    </tr>
  );
}

export interface SessionTableProps {
  sessions: readonly ActiveSession[];
  onEnd: (session: ActiveSession) => void;
}

/** ログイン中の端末 (R32): each session with its device, address and times in Japan time. */
export function SessionTable({ sessions, onEnd }: SessionTableProps) {
  const captionId = useId();
  return (
    <TableRegion labelledBy={captionId}>
      <table className="kk-table kk-table--cards">
        <caption id={captionId}>ログイン中の端末（日時は日本時間）</caption>
        <thead>
          <tr>
            <th scope="col">端末</th>
            <th scope="col">IPアドレス</th>
            <th scope="col">開始日時</th>
            <th scope="col">最終操作日時</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <SessionRow key={session.handle} session={session} onEnd={onEnd} />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

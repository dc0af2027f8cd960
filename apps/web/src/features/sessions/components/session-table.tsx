import type { ActiveSession } from "@kakunin/contracts/sessions";
import { Button } from "@kakunin/ui/button";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId } from "react";
import { formatJstDateTime } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { sessionsCatalog } from "../i18n.ts";

/**
 * "Chrome 131（Windows 10）", as parsed by the BFF; what the User-Agent did not say reads 不明.
 * `t` is the caller's, from useT(sessionsCatalog).
 */
export function deviceLabel(session: Pick<ActiveSession, "browser" | "os">, t: Translate): string {
  if (session.browser && session.os) return t("sessions.device", { browser: session.browser, os: session.os });
  return session.browser ?? session.os ?? t("sessions.unknownDevice");
}

function SessionRow({ session, onEnd }: { session: ActiveSession; onEnd: (session: ActiveSession) => void }) {
  const { t } = useT(sessionsCatalog);
  const device = deviceLabel(session, t);
  return (
    <tr>
      <th scope="row">
        {device}
        {session.current && (
          <>
            {" "}
            <span className="kk-badge kk-badge--success">{t("sessions.thisDevice")}</span>
          </>
        )}
      </th>
      <td data-label={t("sessions.column.ipAddress")} className="kk-table__mono">
        {session.ipAddress ?? t("sessions.unknown")}
      </td>
      <td data-label={t("sessions.column.createdAt")} className="kk-table__nowrap">
        <time dateTime={session.createdAt}>{formatJstDateTime(session.createdAt)}</time>
      </td>
      <td data-label={t("sessions.column.lastSeen")} className="kk-table__nowrap">
        <time dateTime={session.lastSeenAt}>{formatJstDateTime(session.lastSeenAt)}</time>
      </td>
      <td data-label={t("sessions.column.actions")} className="kk-table__actions">
        {session.current ? (
          // This browser logs out from the menu; ending it here would strand the customer mid-screen.
          <span className="kk-text-sm">{t("sessions.inUse")}</span>
        ) : (
          <Button
            variant="secondary"
            onClick={() => onEnd(session)}
            aria-label={t("sessions.logOutDevice", { device })}
          >
            {t("sessions.logOut")}
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
  const { t } = useT(sessionsCatalog);
  const captionId = useId();
  return (
    <TableRegion labelledBy={captionId}>
      <table className="kk-table kk-table--cards">
        <caption id={captionId}>{t("sessions.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sessions.column.device")}</th>
            <th scope="col">{t("sessions.column.ipAddress")}</th>
            <th scope="col">{t("sessions.column.createdAt")}</th>
            <th scope="col">{t("sessions.column.lastSeenAt")}</th>
            <th scope="col">{t("sessions.column.actions")}</th>
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

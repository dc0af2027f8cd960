import type { LoginHistoryEntry } from "@kakunin/contracts/customers";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId } from "react";
import { MorePages } from "../../../components/more-pages.tsx";
import { QueryStatus } from "../../../components/query-status.tsx";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { useLoginHistory } from "../api/get-login-history.ts";
import { loginHistoryCatalog } from "../i18n.ts";
import { describeUserAgent } from "../utils/describe-user-agent.ts";

function HistoryRow({ entry }: { entry: LoginHistoryEntry }) {
  const { t } = useT(loginHistoryCatalog);
  const success = entry.outcome === "success";
  return (
    <tr>
      <td data-label={t("loginHistory.column.at")} className="kk-table__nowrap">
        <time dateTime={entry.at}>{formatJstDateTime(entry.at)}</time>
      </td>
      <td data-label={t("loginHistory.column.outcome")}>
        {/* One span: on a phone's card both badges stay together, opposite the label. */}
        <span>
          <span className={success ? "kk-badge kk-badge--success" : "kk-badge kk-badge--failure"}>
            {success ? t("loginHistory.outcome.success") : t("loginHistory.outcome.failure")}
          </span>
          {/* Issue 15: the first login from this device; a customer who does not recognise it calls support. */}
          {entry.newDevice && " "}
          {entry.newDevice && <span className="kk-badge kk-badge--pending">{t("loginHistory.newDevice")}</span>}
        </span>
      </td>
      <td data-label={t("loginHistory.column.ipAddress")} className="kk-table__mono">
        {entry.ipAddress ?? t("loginHistory.unknown")}
      </td>
      {/* The full user agent stays available on hover for customers who want the detail. */}
      <td data-label={t("loginHistory.column.browser")} title={entry.userAgent ?? undefined}>
        {describeUserAgent(entry.userAgent)}
      </td>
    </tr>
  );
}

export function LoginHistoryTable() {
  const { t } = useT(loginHistoryCatalog);
  const history = useLoginHistory();
  const captionId = useId();

  const what = t("loginHistory.what");
  if (!history.isSuccess) return <QueryStatus query={history} what={what} requestId={false} />;
  const entries = history.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <p>{t("loginHistory.empty")}</p>;

  return (
    <>
      <TableRegion labelledBy={captionId}>
        <table className="kk-table kk-table--cards">
          <caption id={captionId}>{t("loginHistory.table.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("loginHistory.column.at")}</th>
              <th scope="col">{t("loginHistory.column.outcome")}</th>
              <th scope="col">{t("loginHistory.column.ipAddress")}</th>
              <th scope="col">{t("loginHistory.column.browser")}</th>
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
      <MorePages query={history} what={what} />
    </>
  );
}

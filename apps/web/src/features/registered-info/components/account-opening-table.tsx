import type { AccountOpening } from "@kakunin/contracts/registered-info";
import { TableRegion } from "@kakunin/ui/table-region";
import { type ReactNode, useId } from "react";
import { formatCalendarDate } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { registeredInfoCatalog } from "../i18n.ts";

function DateCell({ label, date, none }: { label: string; date: string | null; none: string }) {
  if (!date) {
    return (
      <td data-label={label}>
        <span aria-hidden="true">—</span>
        <span className="kk-visually-hidden">{none}</span>
      </td>
    );
  }
  return (
    <td data-label={label} className="kk-table__nowrap">
      <time dateTime={date}>{formatCalendarDate(date)}</time>
    </td>
  );
}

const statusBadge: Record<AccountOpening["status"], string> = {
  開設済: "kk-badge kk-badge--success",
  審査中: "kk-badge kk-badge--pending",
  未開設: "kk-badge kk-badge--neutral",
};

/** Kinds and statuses arrive as core names them (the notice's words); shown in the reader's language. */
const kindIds: Record<AccountOpening["kind"], string> = {
  総合口座: "registeredInfo.openings.kind.general",
  特定口座: "registeredInfo.openings.kind.specified",
  NISA口座: "registeredInfo.openings.kind.nisa",
  信用取引口座: "registeredInfo.openings.kind.margin",
};

const statusIds: Record<AccountOpening["status"], string> = {
  開設済: "registeredInfo.openings.status.open",
  審査中: "registeredInfo.openings.status.underReview",
  未開設: "registeredInfo.openings.status.notOpened",
};

/**
 * 口座開設状況照会: each kind of account and where its application stands. `action` adds what
 * the customer can do beside a status (e.g. 申し込む for a 信用取引口座 that is 未開設).
 */
export function AccountOpeningTable({
  accounts,
  action,
}: {
  accounts: readonly AccountOpening[];
  action?: (account: AccountOpening) => ReactNode;
}) {
  const { t } = useT(registeredInfoCatalog);
  const captionId = useId();
  if (accounts.length === 0) return <p>{t("registeredInfo.openings.none")}</p>;
  const appliedOn = t("registeredInfo.openings.column.appliedOn");
  const openedOn = t("registeredInfo.openings.column.openedOn");
  const none = t("registeredInfo.openings.noDate");
  return (
    <TableRegion labelledBy={captionId}>
      <table className="kk-table kk-table--cards">
        <caption id={captionId}>{t("registeredInfo.openings.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("registeredInfo.openings.column.kind")}</th>
            <th scope="col">{t("registeredInfo.openings.column.status")}</th>
            <th scope="col">{appliedOn}</th>
            <th scope="col">{openedOn}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.kind}>
              <th scope="row">{t(kindIds[account.kind])}</th>
              <td data-label={t("registeredInfo.openings.column.status")}>
                {/* One span: on a phone's card the status and its action stay together, opposite the label. */}
                <span>
                  <span className={statusBadge[account.status]}>{t(statusIds[account.status])}</span>
                  {action?.(account)}
                </span>
              </td>
              <DateCell label={appliedOn} date={account.appliedOn} none={none} />
              <DateCell label={openedOn} date={account.openedOn} none={none} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

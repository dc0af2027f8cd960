import { QueryStatus } from "../../../components/query-status.tsx";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { usePreviousLogin } from "../api/get-previous-login.ts";
import { loginHistoryCatalog } from "../i18n.ts";
import { describeUserAgent } from "../utils/describe-user-agent.ts";

/**
 * 前回ログイン on 会員トップ (R42): when, with what and from where the customer last logged
 * in before this session, so a login they do not recognise stands out.
 */
export function PreviousLogin() {
  const { t } = useT(loginHistoryCatalog);
  const previous = usePreviousLogin();
  if (!previous.isSuccess) return <QueryStatus query={previous} what={t("loginHistory.previous.what")} />;
  const entry = previous.data.previousLogin;
  if (!entry) {
    return <p className="kk-text-sm">{t("loginHistory.previous.none")}</p>;
  }
  return (
    <p className="kk-text-sm">
      {t("loginHistory.previous.label")} <time dateTime={entry.at}>{formatJstDateTime(entry.at)}</time>
      {t("loginHistory.previous.timeZone")}
      <span title={entry.userAgent ?? undefined}> {describeUserAgent(entry.userAgent)}</span>
      {t("loginHistory.previous.ipAddress", { ipAddress: entry.ipAddress ?? t("loginHistory.unknown") })}
    </p>
  );
}

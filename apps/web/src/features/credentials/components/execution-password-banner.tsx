import type { CredentialStatus } from "@kakunin/contracts/credentials";
import { Alert } from "@kakunin/ui/alert";
import { formatJstDate, formatJstDateHour } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { useCredentials } from "../api/get-credentials.ts";
import { credentialsCatalog } from "../i18n.ts";
import { AccountLockedAlert } from "./account-locked-alert.tsx";

function ScheduleAlert({ status }: { status: CredentialStatus }) {
  const { t } = useT(credentialsCatalog);
  const { executionPassword, schedule } = status;
  // Once the customer has set their own password there is nothing left to urge.
  if (!executionPassword.isInitial) return null;
  switch (schedule.phase) {
    case "before_registration":
      return (
        <Alert variant="info">
          <p>{t("credentials.schedule.beforeRegistration", { date: formatJstDate(schedule.registrationFrom) })}</p>
        </Alert>
      );
    case "registration":
      return (
        <Alert variant="warning">
          <p>{t("credentials.schedule.registration", { deadline: formatJstDateHour(schedule.enforcedFrom) })}</p>
        </Alert>
      );
    case "enforced":
      return (
        <Alert variant="warning">
          <p>{t("credentials.schedule.enforced")}</p>
        </Alert>
      );
  }
}

/**
 * 会員トップ's banner about the execution password (R8, R11): a lock first, otherwise what the
 * schedule asks of a customer still on the initial password. Silent while loading or if the
 * status cannot be read: it is advice, and every operation checks the real state anyway.
 */
export function ExecutionPasswordBanner() {
  const credentials = useCredentials();
  if (!credentials.data) return null;
  if (credentials.data.executionPassword.locked)
    return <AccountLockedAlert contact={credentials.data.supportContact} />;
  return <ScheduleAlert status={credentials.data} />;
}

import { accountLockedMessage, type SupportContact } from "@kakunin/contracts/credentials";
import { Alert } from "@kakunin/ui/alert";
import { contractsCatalog } from "../../../lib/i18n/shared-catalogs.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { credentialsCatalog } from "../i18n.ts";

export interface AccountLockedAlertProps {
  /** The server's wording when it has just refused (it names the support number already). */
  message?: string | undefined;
  /** Otherwise: whom to call, from the credential status (issue 17: every lock screen names it). */
  contact?: SupportContact | undefined;
}

/** R8: after 9 wrong execution passwords; the message says how to have it unlocked, and whom to call. */
export function AccountLockedAlert({ message, contact }: AccountLockedAlertProps) {
  const { t, tRef } = useT(credentialsCatalog, contractsCatalog);
  // With a contact: contracts' accountLockedMessage, the words core sends, in the reader's language.
  const text = message ?? (contact ? tRef(accountLockedMessage(contact)) : t("errors.account_locked"));
  return (
    <Alert variant="error" title={t("credentials.accountLocked.title")}>
      <p>{text}</p>
    </Alert>
  );
}

import { accountLockedMessage, type SupportContact } from "@kakunin/contracts/credentials";
import { Alert } from "@kakunin/ui/alert";
import { errorText } from "../../../lib/i18n/error-text.ts";

export interface AccountLockedAlertProps {
  /** The server's wording when it has just refused (it names the support number already). */
  message?: string | undefined;
  /** Otherwise: whom to call, from the credential status (issue 17: every lock screen names it). */
  contact?: SupportContact | undefined;
}

/** R8: after 9 wrong execution passwords; the message says how to have it unlocked, and whom to call. */
export function AccountLockedAlert({ message, contact }: AccountLockedAlertProps) {
  const text = message ?? (contact ? accountLockedMessage(contact) : errorText("account_locked"));
  return (
    <Alert variant="error" title="アカウントロック中">
      <p>{text}</p>
    </Alert>
  );
}

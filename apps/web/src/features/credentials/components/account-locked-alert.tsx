import { errorMessages } from "@kakunin/contracts/errors";
import { Alert } from "@kakunin/ui/alert";

export interface AccountLockedAlertProps {
  /** The server's wording when it has just refused; otherwise the shared default. */
  message?: string | undefined;
}

/** R8: after 9 wrong execution passwords; the message says how to have it unlocked. */
export function AccountLockedAlert({ message = errorMessages.account_locked }: AccountLockedAlertProps) {
  return (
    <Alert variant="error" title="アカウントロック中">
      <p>{message}</p>
    </Alert>
  );
}

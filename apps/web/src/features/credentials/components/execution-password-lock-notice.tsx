import { useCredentials } from "../api/get-credentials.ts";
import { AccountLockedAlert } from "./account-locked-alert.tsx";

/**
 * On a screen whose operation is confirmed with the 執行パスワード: says up front that it is
 * locked (R8), rather than after the customer has filled in the whole form. Silent while
 * loading or if the status cannot be read: the confirmation step checks the real state anyway.
 */
export function ExecutionPasswordLockNotice() {
  const credentials = useCredentials();
  return credentials.data?.executionPassword.locked ? <AccountLockedAlert /> : null;
}

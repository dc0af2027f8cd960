import type { ReactNode } from "react";
import { useCredentials } from "../api/get-credentials.ts";
import { AccountLockedAlert } from "./account-locked-alert.tsx";

export interface ExecutionPasswordLockNoticeProps {
  /**
   * What the lock makes pointless, e.g. the screen's input form: hidden while locked, so a
   * customer is not invited to fill in what cannot be confirmed (issue 17 B6).
   */
  children?: ReactNode;
}

/**
 * On a screen whose operation is confirmed with the 執行パスワード: says up front that it is
 * locked (R8), rather than after the customer has filled in the whole form. Silent while
 * loading or if the status cannot be read: the confirmation step checks the real state anyway.
 */
export function ExecutionPasswordLockNotice({ children }: ExecutionPasswordLockNoticeProps) {
  const credentials = useCredentials();
  const data = credentials.data;
  return data?.executionPassword.locked ? <AccountLockedAlert contact={data.supportContact} /> : children;
}

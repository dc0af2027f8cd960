import { useEffect, useState } from "react";
import type { AuthenticatedSession } from "../api/get-session.ts";

/** The warning opens this long before the idle timeout (issue 15). */
export const WARNING_BEFORE_MS = 2 * 60_000;
/** After asking the BFF at the deadline, ask again this often if it could not answer. */
const RECHECK_MS = 5_000;

export interface SessionExpiry {
  /** Whether the 自動ログアウト warning is due. */
  warning: boolean;
  /** Milliseconds left before the idle timeout, as the server counts them. */
  remainingMs: number;
}

/**
 * Counts down to the session's idle timeout. The deadline is the server's (`idleExpiresAt`
 * minus `serverTime`, measured from when the answer arrived), so a browser clock that is off
 * does not move it. The BFF is asked again when the warning is due (other tabs or calls may
 * have extended the session meanwhile) and at the deadline, where its "logged out" answer
 * takes the member layout to the login screen.
 */
export function useSessionExpiry(
  session: AuthenticatedSession | undefined,
  receivedAt: number,
  recheck: () => unknown,
): SessionExpiry {
  const [now, setNow] = useState(() => Date.now());
  const deadline = session
    ? receivedAt + (Date.parse(session.idleExpiresAt) - Date.parse(session.serverTime))
    : undefined;

  // biome-ignore lint/correctness/useExhaustiveDependencies: each tick (a new `now`) arms the next timer.
  useEffect(() => {
    if (deadline === undefined) return;
    const left = deadline - Date.now();
    const tick = (ms: number, ask: boolean) => {
      const id = setTimeout(() => {
        setNow(Date.now());
        if (ask) recheck();
      }, ms);
      return () => clearTimeout(id);
    };
    if (left > WARNING_BEFORE_MS) return tick(left - WARNING_BEFORE_MS, true);
    if (left > 0) return tick(Math.min(1_000, left), false);
    recheck();
    return tick(RECHECK_MS, false);
  }, [deadline, now, recheck]);

  const remainingMs = deadline === undefined ? Number.POSITIVE_INFINITY : Math.max(0, deadline - now);
  return { warning: remainingMs <= WARNING_BEFORE_MS, remainingMs };
}

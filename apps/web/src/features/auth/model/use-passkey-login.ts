import type { AuthenticationResponse } from "@kakunin/contracts/passkeys";
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  WebAuthnAbortService,
} from "@simplewebauthn/browser";
import { useEffect, useRef, useState } from "react";
import { isApiError } from "../../../lib/api-client.ts";
import { errorText } from "../../../lib/i18n/error-text.ts";
import { getPasskeyLoginOptions } from "../api/get-passkey-login-options.ts";
import type { AuthenticatedSession } from "../api/get-session.ts";
import { useLoginWithPasskey } from "../api/login-with-passkey.ts";

export const passkeyLoginCancelledMessage =
  "パスキーでのログインが完了しませんでした。もう一度「パスキーでログイン」を押してください。";
export const passkeyUnsupportedMessage =
  "このブラウザではパスキーを利用できません。パスキーに対応したブラウザでログインしてください。";

/** What the login form's error area shows for a failed passkey login. */
export interface PasskeyLoginFailure {
  message: string;
  retryable: boolean;
}

/** The customer cancelled, or another ceremony (or leaving the screen) aborted this one. */
function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

function failureOf(error: unknown): PasskeyLoginFailure | null {
  if (isApiError(error)) return { message: error.message, retryable: error.retryable };
  if (isAbort(error)) return null;
  if (!browserSupportsWebAuthn()) return { message: passkeyUnsupportedMessage, retryable: false };
  if (error instanceof Error && error.name === "NotAllowedError")
    return { message: passkeyLoginCancelledMessage, retryable: false };
  return { message: errorText("passkey_invalid"), retryable: false };
}

/** The library's JSON is the contract's shape; the BFF validates it before anything else. */
async function assertion(optionsJSON: unknown, useBrowserAutofill: boolean): Promise<AuthenticationResponse> {
  const response = await startAuthentication({
    optionsJSON: optionsJSON as PublicKeyCredentialRequestOptionsJSON,
    useBrowserAutofill,
  });
  return response as AuthenticationResponse;
}

/**
 * 「パスキーでログイン」 (issue 14): the button's ceremony, and the browser's autofill
 * (conditional mediation) offering the customer's passkeys in the お客様コード input from the
 * start. Only one ceremony runs at a time: the library aborts the autofill's when the button
 * starts its own, and leaving the screen aborts whichever is pending.
 */
export function usePasskeyLogin({
  onSuccess,
  onStart,
}: {
  onSuccess: (session: AuthenticatedSession) => void;
  /** A passkey login starts: the other way's error must go, one error area for both. */
  onStart: () => void;
}) {
  const login = useLoginWithPasskey({ onSuccess });
  const [ceremonyFailure, setCeremonyFailure] = useState<PasskeyLoginFailure | null>(null);
  const [preparing, setPreparing] = useState(false);
  const busy = useRef(false);
  const { mutate } = login;
  // The latest callback, for the autofill started once on mount.
  const onStartRef = useRef(onStart);
  onStartRef.current = onStart;
  // A ceremony offers the passkeys in autofill once: after a failed login (or the button's own
  // ceremony, which aborted it) the next round offers them again.
  const [autofillRound, setAutofillRound] = useState(0);
  const rearmAutofill = () => setAutofillRound((round) => round + 1);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each round starts a new autofill ceremony.
  useEffect(() => {
    const controller = new AbortController();
    const autofill = async () => {
      if (!(await browserSupportsWebAuthnAutofill())) return;
      const options = await getPasskeyLoginOptions({ signal: controller.signal });
      if (controller.signal.aborted) return;
      const response = await assertion(options, true);
      onStartRef.current();
      mutate({ response }, { onError: rearmAutofill });
    };
    // Autofill is a convenience beside the button: if it cannot start, the button still works.
    autofill().catch(() => {});
    return () => {
      controller.abort();
      WebAuthnAbortService.cancelCeremony();
    };
  }, [mutate, autofillRound]);

  async function start() {
    if (busy.current) return;
    busy.current = true;
    onStart();
    login.reset();
    setCeremonyFailure(null);
    setPreparing(true);
    // The autofill's prompt must not compete with the button's (the library also aborts it).
    WebAuthnAbortService.cancelCeremony();
    try {
      const response = await assertion(await getPasskeyLoginOptions(), false);
      setPreparing(false);
      // Its refusal (passkey_unknown, passkey_suspended…) is the mutation's error.
      await login.mutateAsync({ response }).catch(rearmAutofill);
    } catch (error) {
      const failure = failureOf(error);
      setCeremonyFailure(failure);
      // Aborted: the screen is being left, nothing to offer.
      if (failure) rearmAutofill();
    } finally {
      busy.current = false;
      setPreparing(false);
    }
  }

  const failure = ceremonyFailure ?? (login.error ? failureOf(login.error) : null);
  return {
    start: () => void start(),
    pending: preparing || login.isPending,
    failure,
    reset: () => {
      setCeremonyFailure(null);
      login.reset();
    },
  };
}

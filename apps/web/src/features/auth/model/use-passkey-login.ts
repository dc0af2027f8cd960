import type { AuthenticationResponse } from "@kakunin/contracts/passkeys";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useEffect, useRef, useState } from "react";
import { isApiError } from "../../../lib/api-client.ts";
import { errorText } from "../../../lib/i18n/error-text.ts";
import { translate } from "../../../lib/i18n/use-t.ts";
import { getPasskeyLoginOptions } from "../api/get-passkey-login-options.ts";
import type { AuthenticatedSession } from "../api/get-session.ts";
import { useLoginWithPasskey } from "../api/login-with-passkey.ts";

type WebAuthn = typeof import("@simplewebauthn/browser");

/**
 * The browser's passkey ceremonies, loaded once the login form is on screen rather than before
 * it: they are not needed to show it, and a first visit downloads less (issue 16).
 */
let webAuthnLoaded: WebAuthn | undefined;
async function webAuthn(): Promise<WebAuthn> {
  webAuthnLoaded ??= await import("@simplewebauthn/browser");
  return webAuthnLoaded;
}

/**
 * What the login form's error area shows for a failed passkey login, worded when it happens
 * (as the BFF's own messages are), in the auth catalogue's language of that moment.
 */
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
  // Only a ceremony fails for other reasons than the API, and it has loaded the library.
  if (webAuthnLoaded && !webAuthnLoaded.browserSupportsWebAuthn())
    return { message: translate("auth.passkey.unsupported"), retryable: false };
  if (error instanceof Error && error.name === "NotAllowedError")
    return { message: translate("auth.passkey.cancelled"), retryable: false };
  return { message: errorText("passkey_invalid"), retryable: false };
}

/** The library's JSON is the contract's shape; the BFF validates it before anything else. */
async function assertion(optionsJSON: unknown, useBrowserAutofill: boolean): Promise<AuthenticationResponse> {
  const { startAuthentication } = await webAuthn();
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
      const { browserSupportsWebAuthnAutofill } = await webAuthn();
      if (controller.signal.aborted || !(await browserSupportsWebAuthnAutofill())) return;
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
      // Not loaded yet: no ceremony has started, and the autofill stops at `aborted`.
      webAuthnLoaded?.WebAuthnAbortService.cancelCeremony();
    };
  }, [mutate, autofillRound]);

  async function start() {
    if (busy.current) return;
    busy.current = true;
    onStart();
    login.reset();
    setCeremonyFailure(null);
    setPreparing(true);
    try {
      // The autofill's prompt must not compete with the button's (the library also aborts it).
      (await webAuthn()).WebAuthnAbortService.cancelCeremony();
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

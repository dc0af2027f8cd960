import { useCallback, useState } from "react";
import { ApiError, type StepUpDemand } from "./api-client.ts";

/**
 * Step-up (R26, R35) without knowing any feature: recognise the BFF's 403
 * `step_up_required`, make idempotency keys, and keep "what is being confirmed" for a
 * screen that calls → is asked to step up → shows its confirmation → retries the same call.
 */

export type StepUpRequiredError = ApiError & { code: "step_up_required"; stepUp: StepUpDemand };

/** The call was refused until the customer confirms with the methods in `error.stepUp`. */
export function isStepUpRequired(error: unknown): error is StepUpRequiredError {
  return error instanceof ApiError && error.code === "step_up_required" && error.stepUp !== undefined;
}

const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const KEY_LENGTH = 32;

/**
 * A random `Idempotency-Key` (32 characters of [A-Za-z0-9_-], 192 bits from the CSPRNG).
 * 64 symbols, so `byte & 63` picks each one without bias.
 */
export function createIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(KEY_LENGTH));
  let key = "";
  for (const byte of bytes) key += KEY_ALPHABET[byte & 63];
  return key;
}

/** One confirmation in progress: what executes once it is confirmed, and under which key. */
export interface PendingStepUp<T> {
  /** Exactly the body the guarded call sends; also the challenge's payload (the grant is bound to it). */
  payload: T;
  /** Sent with every attempt of this confirmation's call, so a double submit executes once. */
  idempotencyKey: string;
  /** From the 403 that asked for it; undefined when the screen shows its confirmation step first. */
  requirement: StepUpDemand | undefined;
  /** New for every (re)start: use it as the confirmation's React key so it starts a fresh challenge. */
  id: number;
}

let nextId = 1;

function pendingFor<T>(payload: T, requirement: StepUpDemand | undefined): PendingStepUp<T> {
  return { payload, idempotencyKey: createIdempotencyKey(), requirement, id: nextId++ };
}

export interface StepUpFlow<T> {
  pending: PendingStepUp<T> | null;
  /** Go to the confirmation of `payload` (after 確認, or after a 403 carrying `requirement`). */
  begin: (payload: T, requirement?: StepUpDemand) => void;
  /** Leave the confirmation (戻る, or done). */
  cancel: () => void;
  /**
   * For a guarded call's failure: when the BFF asks for a step-up again (e.g. the grant was
   * used or expired), start a new confirmation of the same payload and return true.
   */
  restartIfRequired: (error: unknown) => boolean;
}

/**
 * The state of a screen's step-up: `pending` is null until the customer reaches the
 * confirmation. Render the confirmation for `pending` (keyed by `pending.id`); when it is
 * confirmed, send `pending.payload` with `pending.idempotencyKey`.
 */
export function useStepUpFlow<T>(): StepUpFlow<T> {
  const [pending, setPending] = useState<PendingStepUp<T> | null>(null);
  const begin = useCallback((payload: T, requirement?: StepUpDemand) => {
    setPending(pendingFor(payload, requirement));
  }, []);
  const cancel = useCallback(() => setPending(null), []);
  const restartIfRequired = useCallback((error: unknown) => {
    if (!isStepUpRequired(error)) return false;
    // A new confirmation gets a new key: the old one may be on record with the refusal.
    setPending((current) => (current ? pendingFor(current.payload, error.stepUp) : current));
    return true;
  }, []);
  return { pending, begin, cancel, restartIfRequired };
}

/**
 * For queries behind a viewing step-up (R20, R21): the data lives only while a screen shows
 * it, and is not refetched behind the customer's back — a refetch after the window would
 * swap the screen for a new confirmation (and may mail a new code) when they merely came
 * back to the tab, e.g. from reading that very code.
 */
export const stepUpGuardedQueryDefaults = { gcTime: 0, refetchOnWindowFocus: false } as const;

import type { StepUpChallenge, StepUpMethod } from "@kakunin/contracts/step-up";
import { isApiError } from "../../../lib/api-client.ts";
import { errorText } from "../../../lib/i18n/error-text.ts";
import type { MethodReaction } from "../methods/step-up-method-ui.ts";

/**
 * The confirmation's states (issue 13 §2), pure so every transition is unit-tested:
 * `starting` until the first challenge answers, then `ready` (the form; resending and
 * submitting are flags inside it), `locked` (the account is locked) or `failed` (the
 * challenge could not start; 再試行 starts it again).
 */

export type Notice =
  | { kind: "error"; message: string; requestId?: string | undefined; action?: "restart" | undefined }
  | { kind: "status"; message: string };

/** `initial` on arrival (or 再試行), `resend` for a method's own action, `restart` after the BFF lost the challenge. */
export type StartMode = "initial" | "resend" | "restart";

export interface ReadyState {
  status: "ready";
  /** Null when the start was refused because a code sent moments ago still works. */
  challenge: StepUpChallenge | null;
  /** One alert at a time: the latest outcome replaces the previous one. */
  notice: Notice | null;
  resending: boolean;
  submitting: boolean;
  /** The BFF holds the grant; only the caller's call is left (e.g. after an outage). */
  verified: boolean;
  /** Methods whose answer can no longer be used (e.g. a void code): their action comes forward. */
  spent: readonly StepUpMethod[];
  /** The confirmation already started over by itself once; a second loss asks the customer. */
  restarted: boolean;
}

export type StepUpState =
  | { status: "starting" }
  | ReadyState
  | { status: "failed"; error: unknown }
  | { status: "locked"; message: string };

/** A method's reaction, with the method it came from. */
export interface MethodRefusal {
  method: StepUpMethod;
  reaction: MethodReaction;
}

export type StepUpEvent =
  /** `notice` replaces the alert; undefined leaves it (a start on arrival has nothing to say). */
  | { type: "started"; mode: StartMode; challenge: StepUpChallenge; notice?: Notice | undefined }
  | { type: "start_failed"; mode: StartMode; error: unknown; refusal: MethodRefusal | null }
  | { type: "resend_requested" }
  | { type: "submit_requested" }
  /** The verification found the challenge gone: the confirmation starts over by itself, once. */
  | { type: "restarting" }
  | { type: "verify_failed"; error: unknown; refusal: MethodRefusal | null }
  | { type: "verified" }
  | { type: "finished"; error?: unknown };

export const initialStepUpState: StepUpState = { status: "starting" };

export function errorNotice(error: unknown): Notice {
  if (!isApiError(error)) return { kind: "error", message: errorText("internal_error") };
  return { kind: "error", message: error.message, requestId: error.requestId };
}

function readyFrom(state: StepUpState, challenge: StepUpChallenge | null): ReadyState {
  if (state.status === "ready") return { ...state, challenge };
  return {
    status: "ready",
    challenge,
    notice: null,
    resending: false,
    submitting: false,
    verified: false,
    spent: [],
    restarted: false,
  };
}

function lockedBy(error: unknown): StepUpState | null {
  return isApiError(error) && error.code === "account_locked" ? { status: "locked", message: error.message } : null;
}

function refusalNotice({ reaction }: MethodRefusal): Notice | null {
  return reaction.message === undefined ? null : { kind: "error", message: reaction.message };
}

function startFailed(state: StepUpState, event: Extract<StepUpEvent, { type: "start_failed" }>): StepUpState {
  const locked = lockedBy(event.error);
  if (locked) return locked;
  if (event.mode === "initial") {
    // A refusal a method understands (e.g. a code went out moments ago and still works) keeps the form.
    if (!event.refusal) return { status: "failed", error: event.error };
    return { ...readyFrom(state, null), notice: refusalNotice(event.refusal) };
  }
  if (state.status !== "ready") return state;
  const notice = event.refusal ? refusalNotice(event.refusal) : errorNotice(event.error);
  return { ...state, notice, resending: event.mode === "resend" ? false : state.resending };
}

function verifyFailed(state: ReadyState, { error, refusal }: Extract<StepUpEvent, { type: "verify_failed" }>) {
  const next: ReadyState = { ...state, submitting: false };
  const locked = lockedBy(error);
  if (locked) return locked;
  if (refusal) {
    const spent = refusal.reaction.spent && !state.spent.includes(refusal.method);
    return {
      ...next,
      notice: refusalNotice(refusal),
      spent: spent ? [...state.spent, refusal.method] : state.spent,
      // The caller asks for a new challenge at once; the refusal's alert stays meanwhile.
      resending: refusal.reaction.renew ? true : state.resending,
    };
  }
  if (isApiError(error) && error.code === "step_up_missing") {
    return { ...next, notice: { kind: "error", message: error.message, action: "restart" } } satisfies ReadyState;
  }
  return { ...next, notice: errorNotice(error) };
}

export function stepUpReducer(state: StepUpState, event: StepUpEvent): StepUpState {
  switch (event.type) {
    case "started": {
      const ready = readyFrom(state, event.challenge);
      return {
        ...ready,
        // A new challenge: a new code to type, and any spent answer is fresh again.
        spent: [],
        notice: event.notice === undefined ? ready.notice : event.notice,
        resending: event.mode === "resend" ? false : ready.resending,
      };
    }
    case "start_failed":
      return startFailed(state, event);
  }
  if (state.status !== "ready") return state;
  switch (event.type) {
    case "resend_requested":
      return { ...state, resending: true, notice: null };
    case "submit_requested":
      return { ...state, submitting: true, notice: null };
    case "restarting":
      return { ...state, restarted: true, submitting: false };
    case "verify_failed":
      return verifyFailed(state, event);
    case "verified":
      return { ...state, verified: true };
    case "finished":
      return { ...state, submitting: false, notice: event.error === undefined ? null : errorNotice(event.error) };
  }
}

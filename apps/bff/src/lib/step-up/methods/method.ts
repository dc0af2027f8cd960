import type { StepUpChallenge, StepUpMethod as StepUpMethodName, StepUpOperation } from "@kakunin/contracts/step-up";
import type { Context } from "hono";
import type { AppEnv } from "../../types.ts";

/** The confirmation being opened (POST /api/step-up/challenges). */
export interface ChallengeContext {
  customerId: string;
  operation: StepUpOperation;
  digest: string;
  /** The payload normalised by the operation's schema. */
  payload: unknown;
  /** Core's answer for this customer and operation: the account's lock state. */
  locked: boolean;
}

/**
 * What a method keeps from the confirmation's start to its verification (e.g. a passkey's
 * nonce). It travels in the sealed pending confirmation: the browser carries it and can
 * neither read nor change it.
 */
export type MethodState = Record<string, string>;

/** This method's part of the challenge answer, and how long it holds (epoch ms) when shorter. */
export interface MethodChallenge {
  fields: Partial<StepUpChallenge>;
  expiresAt?: number;
  state?: MethodState;
}

/** The entry as core takes it, and what to undo when core refuses without having used it. */
export interface CoreEntry {
  entry: unknown;
  /**
   * Called with core's refusal code when core refused the verification (4xx): the method
   * undoes what `toCore` claimed if the refusal shows its entry was not consumed.
   */
  onRefused?: (code: string) => Promise<void>;
}

/**
 * One step-up method on the BFF's side. Core decides which methods are required and
 * checks what the customer entered; the BFF starts them when the confirmation opens and
 * passes the entries on (the field each method reads is named in the contract's
 * `stepUpMethods` table).
 */
export interface BffStepUpMethod {
  readonly name: StepUpMethodName;
  /** This method's challenge fields when it is not required (e.g. `codeSentTo: null`). */
  readonly idle: Partial<StepUpChallenge>;
  /** Starts the method for the confirmation; may refuse it (e.g. a locked account). */
  start(c: Context<AppEnv>, ctx: ChallengeContext): Promise<MethodChallenge>;
  /**
   * Turns the browser's entry into the one core verifies, with the state `start` kept
   * (e.g. adds the passkey's nonce); may refuse. Without it the entry goes to core as it is.
   */
  toCore?(c: Context<AppEnv>, entry: unknown, state: MethodState | undefined): Promise<CoreEntry>;
}

import type { ErrorCode } from "@kakunin/contracts/errors";
import type { StepUpChallenge, StepUpMethod, VerifyStepUpRequest } from "@kakunin/contracts/step-up";
import type { ComponentType, Ref } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { z } from "zod";
import type { ApiError } from "../../../lib/api-client.ts";

/** Where a method's answer goes, in the form and in the verify request body. */
export type StepUpAnswerField = keyof VerifyStepUpRequest;

/**
 * The form's values: one text per method, keyed by its answer field. A method whose answer
 * is an object (a passkey's assertion) keeps it as JSON text, so the form stays one kind of value.
 */
export type StepUpAnswers = Record<StepUpAnswerField, string>;

/** When a refusal arrived: starting the challenge, asking for a new one (再送信, やり直し), or verifying. */
export type StepUpMoment = "start" | "renew" | "verify";

/** What the confirmation does when a method recognises a refusal as its own. */
export interface MethodReaction {
  /** The alert's text, worded; none when there is nothing to say (e.g. the code sent moments ago still works). */
  message?: string;
  /** Empty the method's input: a wrong answer should not stay in the page. */
  clear?: boolean;
  /** Where the focus goes next: the method's input or its own action (e.g. 再送信). */
  focus?: "field" | "action";
  /** The answer can no longer be used (e.g. a void code): the method's action comes forward. */
  spent?: boolean;
  /**
   * The challenge behind the answer is used up (e.g. a passkey's single-use options): ask for
   * a new one at once through the method's renew path, so the next try can succeed.
   */
  renew?: boolean;
}

/** What a method's own ceremony produced: the answer as the form's text, or why there is none. */
export type CollectOutcome = { ok: true; answer: string } | { ok: false; message: string };

export interface StepUpFieldProps {
  /** Null until the challenge has started (or when a code sent moments ago is still in use). */
  challenge: StepUpChallenge | null;
  registration: UseFormRegisterReturn;
  error: string | undefined;
  spent: boolean;
  /** Asks for a new challenge, e.g. 再送信 mails a new code. */
  onRenew: () => void;
  renewing: boolean;
  /** The method's own action, focused when its answer is spent. */
  actionRef: Ref<HTMLButtonElement>;
  /** The answer so far (the form's text), e.g. to say the passkey has been used. */
  answer: string;
  /** Runs the method's `collect` and puts its answer in the form. */
  onCollect: () => void;
  collecting: boolean;
}

/**
 * One step-up method as the confirmation screen sees it (issue 13 §2): its input, its rule,
 * its part of the verify request and how it reads the refusals that concern it. The
 * confirmation only maps over these; a new method is a new module plus a line in the registry.
 */
export interface StepUpMethodUi<Name extends StepUpMethod = StepUpMethod> {
  name: Name;
  field: StepUpAnswerField;
  /** The answer's rule when this method is asked for (the contract leaves every answer optional). */
  schema: z.ZodType;
  /**
   * The form's text → the request's value; undefined (nothing typed) lets the schema say
   * 「…を入力してください。」.
   */
  toRequest: (value: string) => unknown;
  Field: ComponentType<StepUpFieldProps>;
  /**
   * The message id of what the customer does for this method, for the confirmation's
   * instruction (issue 17 B7: it names only the methods this confirmation asks for), e.g.
   * 執行パスワードを入力.
   */
  instruction: string;
  /** The answer belongs to one challenge (a mailed code): emptied whenever a new one starts. */
  perChallenge?: boolean;
  /** After the confirmation started over by itself: the message id of what the customer does next. */
  restartIntro?: string;
  /**
   * The status once the method's own action got a new challenge, e.g. 認証コードを再送信しました。
   * (or, from the challenge, that the earlier code is still the one to use), in the current language.
   */
  renewedMessage?: (challenge: StepUpChallenge) => string;
  /** The server's code for this answer missing, shown on the input when no field error came with it. */
  missingCode?: ErrorCode;
  /**
   * The answer is produced by the browser rather than typed (a passkey's assertion): runs the
   * ceremony for the challenge. Called by the method's own button and, when it is the only
   * answer missing, by the submit itself, so one click confirms.
   */
  collect?: (challenge: StepUpChallenge | null) => Promise<CollectOutcome>;
  /**
   * The answer is spent by any verification that carries it (an assertion's signature counter
   * advances once verified; sending it again would look like a cloned authenticator): emptied
   * after every refused verification.
   */
  singleUse?: boolean;
  /** This method's reading of a refusal; null when the refusal is not about it. */
  react?: (error: ApiError, moment: StepUpMoment) => MethodReaction | null;
}

import type { StepUpChallenge, StepUpMethod, StepUpOperation, VerifyStepUpRequest } from "@kakunin/contracts/step-up";
import { type FormEvent, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { type ApiError, isApiError, type StepUpDemand } from "../../../lib/api-client.ts";
import { applyFieldErrors, fieldErrorsOf } from "../../../lib/form-errors.ts";
import { isStepUpRequired } from "../../../lib/step-up.ts";
import { useStartStepUp } from "../api/start-step-up.ts";
import { useVerifyStepUp } from "../api/verify-step-up.ts";
import { emptyAnswers, knownMethods, lookUpMethods } from "../methods/registry.ts";
import type { StepUpAnswers, StepUpMethodUi } from "../methods/step-up-method-ui.ts";
import { methodsOf, refusalOf, renewedNotice, restartNotice } from "./method-outcomes.ts";
import { answersResolver } from "./step-up-answers.ts";
import { initialStepUpState, type Notice, type StartMode, stepUpReducer } from "./step-up-machine.ts";

export interface StepUpConfirmationOptions {
  operation: StepUpOperation;
  payload: Record<string, unknown>;
  requirement: Pick<StepUpDemand, "methods"> | undefined;
  submitLabel: string;
  onConfirmed: () => unknown;
}

const NO_METHODS: readonly StepUpMethodUi[] = [];

/**
 * The confirmation's behaviour: the machine's state plus the calls and the form around it.
 * Refs only guard against a duplicate start or request, and hold the methods' actions to focus.
 */
export function useStepUpConfirmation({
  operation,
  payload,
  requirement,
  submitLabel,
  onConfirmed,
}: StepUpConfirmationOptions) {
  const start = useStartStepUp();
  const verify = useVerifyStepUp();
  const [state, dispatch] = useReducer(stepUpReducer, initialStepUpState);
  const inFlight = useRef(new Set<"resend" | "submit" | "collect">());
  const [collecting, setCollecting] = useState(false);
  const actions = useRef(new Map<StepUpMethod, HTMLButtonElement | null>());

  const challenge = state.status === "ready" ? state.challenge : null;
  // The challenge may ask for other answers than the 403 said.
  const names = challenge?.methods ?? requirement?.methods ?? null;
  const lookup = useMemo(() => (names ? lookUpMethods(names) : null), [names]);
  const methods = lookup?.ok ? lookup.methods : NO_METHODS;
  const resolver = useMemo(() => answersResolver(methods), [methods]);
  const form = useForm<StepUpAnswers, unknown, VerifyStepUpRequest>({
    resolver,
    defaultValues: emptyAnswers,
  });

  function clearPerChallenge(next: StepUpChallenge) {
    for (const method of methodsOf(next.methods)) if (method.perChallenge) form.resetField(method.field);
  }

  /** `refused`: the refusal that used the challenge up, still to be read after the renewal. */
  async function requestChallenge(mode: StartMode, renewedBy?: StepUpMethodUi, refused?: string) {
    try {
      const next = await start.mutateAsync({ operation, payload });
      if (mode !== "initial") clearPerChallenge(next);
      const notice: Notice | undefined =
        mode === "restart"
          ? restartNotice(next, submitLabel)
          : renewedBy
            ? renewedNotice(next, renewedBy, refused)
            : undefined;
      dispatch({ type: "started", mode, challenge: next, notice });
    } catch (error) {
      const moment = mode === "initial" ? "start" : "renew";
      // Before any challenge the methods may be unknown: each known one may recognise its own refusal.
      const candidates = names ? methodsOf(names) : knownMethods;
      const refusal = isApiError(error) ? refusalOf(candidates, error, moment) : null;
      dispatch({ type: "start_failed", mode, error, refusal });
    }
  }

  // Once per mount, StrictMode's second effect run included: each start may mail a code.
  const started = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the challenge starts once, for the props it mounted with.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void requestChallenge("initial");
  }, []);

  /** `refused`: a refusal used the challenge up; the machine already shows the renewal. */
  async function renew(method: StepUpMethodUi, refused?: string) {
    // Each start mails a code: a double click must not send two (nor earn a refusal).
    if (inFlight.current.has("resend")) return;
    inFlight.current.add("resend");
    if (refused === undefined) dispatch({ type: "resend_requested" });
    await requestChallenge("resend", method, refused);
    inFlight.current.delete("resend");
  }

  async function finish() {
    inFlight.current.add("submit");
    dispatch({ type: "submit_requested" });
    try {
      await onConfirmed();
      dispatch({ type: "finished" });
    } catch (error) {
      // step_up_required: the caller starts a new confirmation, which replaces this one.
      dispatch({ type: "finished", error: isStepUpRequired(error) ? undefined : error });
    } finally {
      inFlight.current.delete("submit");
    }
  }

  function showServerFieldErrors(error: ApiError) {
    const errors = fieldErrorsOf(
      error,
      methods.map((method) => method.field),
    );
    applyFieldErrors(form.setError, errors);
    // A missing answer the server names by its code, not by a field: shown on that method's input.
    const missing = methods.find((method) => method.missingCode === error.code);
    if (missing && !errors)
      form.setError(missing.field, { type: "server", message: error.message }, { shouldFocus: true });
  }

  /**
   * Runs a method's own ceremony (a passkey) and keeps its answer in the form; false when
   * there is none, said on the method's field (e.g. the customer cancelled the browser's prompt).
   */
  async function collect(method: StepUpMethodUi): Promise<boolean> {
    // Options being renewed are spent: signing them would only earn another refusal.
    const renewing = state.status === "ready" && state.resending;
    if (!method.collect || renewing || inFlight.current.has("collect")) return false;
    inFlight.current.add("collect");
    setCollecting(true);
    form.clearErrors(method.field);
    try {
      const outcome = await method.collect(challenge);
      if (outcome.ok) {
        form.setValue(method.field, outcome.answer);
        return true;
      }
      form.setError(method.field, { type: "collect", message: outcome.message });
      actions.current.get(method.name)?.focus();
      return false;
    } finally {
      inFlight.current.delete("collect");
      setCollecting(false);
    }
  }

  function verifyFailed(error: unknown) {
    // Whatever the refusal, a verification may have consumed them: never sent twice.
    for (const method of methods) if (method.singleUse) form.resetField(method.field);
    if (isApiError(error) && error.code === "step_up_missing" && state.status === "ready" && !state.restarted) {
      // The pending confirmation expired or was lost: start again once by ourselves.
      dispatch({ type: "restarting" });
      void requestChallenge("restart");
      return;
    }
    const refusal = isApiError(error) ? refusalOf(methods, error, "verify") : null;
    dispatch({ type: "verify_failed", error, refusal });
    const method = refusal && methods.find((candidate) => candidate.name === refusal.method);
    if (method && refusal) {
      if (refusal.reaction.clear) form.resetField(method.field);
      if (refusal.reaction.focus === "field") form.setFocus(method.field);
      if (refusal.reaction.focus === "action") actions.current.get(method.name)?.focus();
      if (refusal.reaction.renew) void renew(method, refusal.reaction.message ?? "");
    } else if (isApiError(error) && error.code !== "account_locked" && error.code !== "step_up_missing") {
      showServerFieldErrors(error);
    }
  }

  const submitAnswers = form.handleSubmit(async (body) => {
    // A double click must not verify (or execute) twice.
    if (inFlight.current.has("submit")) return;
    inFlight.current.add("submit");
    dispatch({ type: "submit_requested" });
    try {
      await verify.mutateAsync(body);
    } catch (error) {
      inFlight.current.delete("submit");
      verifyFailed(error);
      return;
    }
    dispatch({ type: "verified" });
    for (const method of methods) form.resetField(method.field);
    await finish();
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (state.status === "ready" && state.verified) {
      event.preventDefault();
      if (!inFlight.current.has("submit")) void finish();
      return;
    }
    // One click: when a browser ceremony is the only answer missing, the submit runs it first.
    const values = form.getValues();
    const uncollected = methods.filter((method) => method.collect && values[method.field] === "");
    const typed = methods.every((method) => method.collect || values[method.field] !== "");
    if (uncollected.length > 0 && typed && state.status === "ready" && !inFlight.current.has("submit")) {
      event.preventDefault();
      void (async () => {
        for (const method of uncollected) if (!(await collect(method))) return;
        await submitAnswers();
      })();
      return;
    }
    void submitAnswers(event);
  };

  return {
    state,
    lookup,
    form,
    starting: start.isPending,
    onSubmit,
    retryStart: () => void requestChallenge("initial"),
    restart: () => void requestChallenge("restart"),
    renew: (method: StepUpMethodUi) => void renew(method),
    collect: (method: StepUpMethodUi) => void collect(method),
    collecting,
    actionRef: (method: StepUpMethod) => (element: HTMLButtonElement | null) => {
      actions.current.set(method, element);
    },
  };
}

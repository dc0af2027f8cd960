import type { StepUpChallenge } from "@kakunin/contracts/step-up";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api-client.ts";
import { initialStepUpState, type ReadyState, type StepUpState, stepUpReducer } from "./step-up-machine.ts";

const challenge: StepUpChallenge = {
  operation: "withdrawal",
  methods: ["execution_password", "auth_code"],
  codeSentTo: "t***@example.jp",
  passkeyOptions: null,
  expiresAt: "2026-12-03T10:00:00.000+09:00",
};

/** The form as the first challenge leaves it. */
const ready = stepUpReducer(initialStepUpState, { type: "started", mode: "initial", challenge }) as ReadyState;

const locked = new ApiError({ code: "account_locked", status: 423 });
const outage = new ApiError({ code: "upstream_unavailable", status: 503, requestId: "r-1" });
const tooSoon = new ApiError({ code: "auth_code_resend_too_soon", status: 429 });

describe("stepUpReducer", () => {
  it("starts in starting and is ready once the challenge answers, saying nothing", () => {
    expect(initialStepUpState).toEqual({ status: "starting" });
    expect(ready).toMatchObject({ status: "ready", challenge, notice: null, spent: [] });
    const flags = [ready.resending, ready.submitting, ready.verified, ready.restarted];
    expect(flags).toEqual([false, false, false, false]);
  });

  it("a start refused on arrival fails, locks, or keeps the form when a method understands it", () => {
    const start = (error: unknown, message?: string): StepUpState =>
      stepUpReducer(initialStepUpState, {
        type: "start_failed",
        mode: "initial",
        error,
        refusal: message === undefined ? null : { method: "auth_code", reaction: message ? { message } : {} },
      });
    expect(start(outage)).toEqual({ status: "failed", error: outage });
    expect(start(locked)).toEqual({ status: "locked", message: locked.message });
    expect(start(tooSoon, "")).toEqual({ ...ready, challenge: null });
    expect(start(tooSoon, "上限です。")).toEqual({
      ...ready,
      challenge: null,
      notice: { kind: "error", message: "上限です。" },
    });
  });

  it("a resend is busy until it answers, then says so and makes spent answers fresh", () => {
    const requested = stepUpReducer(
      { ...ready, spent: ["auth_code"], notice: { kind: "status", message: "x" } },
      {
        type: "resend_requested",
      },
    );
    expect(requested).toMatchObject({ resending: true, notice: null });
    const notice = { kind: "status", message: "認証コードを再送信しました。" } as const;
    expect(stepUpReducer(requested, { type: "started", mode: "resend", challenge, notice })).toEqual({
      ...ready,
      notice,
    });
  });

  it("a refused resend shows the method's message, or the error with its request id", () => {
    const resending: ReadyState = { ...ready, resending: true };
    const refusal = { method: "auth_code", reaction: { message: "少し待ってください。" } } as const;
    expect(stepUpReducer(resending, { type: "start_failed", mode: "resend", error: tooSoon, refusal })).toEqual({
      ...ready,
      notice: { kind: "error", message: "少し待ってください。" },
    });
    expect(stepUpReducer(resending, { type: "start_failed", mode: "resend", error: outage, refusal: null })).toEqual({
      ...ready,
      notice: { kind: "error", message: outage.message, requestId: "r-1" },
    });
    expect(stepUpReducer(resending, { type: "start_failed", mode: "resend", error: locked, refusal: null })).toEqual({
      status: "locked",
      message: locked.message,
    });
  });

  it("a wrong answer stops submitting, shows the method's message and marks a void answer spent", () => {
    const submitting = stepUpReducer(ready, { type: "submit_requested" });
    expect(submitting).toMatchObject({ submitting: true });
    const refusal = { method: "auth_code", reaction: { message: "無効です。", spent: true } } as const;
    const error = new ApiError({ code: "wrong_auth_code", status: 422 });
    expect(stepUpReducer(submitting, { type: "verify_failed", error, refusal })).toEqual({
      ...ready,
      notice: { kind: "error", message: "無効です。" },
      spent: ["auth_code"],
    });
  });

  it("a refusal that used the challenge up keeps its alert while new options are fetched", () => {
    const submitting = stepUpReducer(ready, { type: "submit_requested" });
    const refusal = { method: "passkey", reaction: { message: "期限切れです。", renew: true } } as const;
    const error = new ApiError({ code: "passkey_challenge_expired", status: 422 });
    const renewing = stepUpReducer(submitting, { type: "verify_failed", error, refusal });
    expect(renewing).toEqual({ ...ready, notice: { kind: "error", message: "期限切れです。" }, resending: true });
    // The new challenge arrives without a message of its own: the refusal's alert stays.
    expect(stepUpReducer(renewing, { type: "started", mode: "resend", challenge })).toEqual({
      ...ready,
      notice: { kind: "error", message: "期限切れです。" },
    });
  });

  it("a lost challenge restarts once by itself; the second loss offers 確認をやり直す", () => {
    const restarting = stepUpReducer({ ...ready, submitting: true }, { type: "restarting" });
    expect(restarting).toEqual({ ...ready, restarted: true });
    const missing = new ApiError({ code: "step_up_missing", status: 409 });
    expect(stepUpReducer(restarting, { type: "verify_failed", error: missing, refusal: null })).toMatchObject({
      notice: { kind: "error", message: missing.message, action: "restart" },
    });
  });

  it("locks on 423 during verification", () => {
    expect(stepUpReducer(ready, { type: "verify_failed", error: locked, refusal: null })).toEqual({
      status: "locked",
      message: locked.message,
    });
  });

  it("once verified, a failed call keeps the grant and shows the error; success clears it", () => {
    const verified = stepUpReducer({ ...ready, submitting: true }, { type: "verified" });
    expect(verified).toMatchObject({ verified: true, submitting: true });
    const failed = stepUpReducer(verified, { type: "finished", error: outage });
    expect(failed).toMatchObject({ verified: true, submitting: false, notice: { requestId: "r-1" } });
    expect(stepUpReducer(failed, { type: "finished" })).toMatchObject({ submitting: false, notice: null });
  });

  it("ignores form events outside the form", () => {
    const failed: StepUpState = { status: "failed", error: outage };
    expect(stepUpReducer(failed, { type: "submit_requested" })).toBe(failed);
    expect(stepUpReducer(initialStepUpState, { type: "resend_requested" })).toBe(initialStepUpState);
  });
});

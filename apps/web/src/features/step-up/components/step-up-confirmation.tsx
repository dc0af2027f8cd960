import { zodResolver } from "@hookform/resolvers/zod";
import { errorMessages } from "@kakunin/contracts/errors";
import {
  type StepUpChallenge,
  type StepUpMethod,
  type StepUpOperation,
  type VerifyStepUpRequest,
  verifyStepUpRequestSchema,
} from "@kakunin/contracts/step-up";
import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { PasswordField, TextField } from "@kakunin/ui/field";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";
import { isApiError, type StepUpDemand } from "../../../lib/api-client.ts";
import { isStepUpRequired } from "../../../lib/step-up.ts";
import { useStartStepUp } from "../api/start-step-up.ts";
import { useVerifyStepUp } from "../api/verify-step-up.ts";

export const RESEND_THROTTLED_MESSAGE = "再送信は1分以上あけてお試しください。";

export function wrongExecutionPasswordMessage(remainingAttempts: number): string {
  return `執行パスワードが正しくありません。あと${remainingAttempts}回間違えるとアカウントがロックされます。`;
}

export function wrongAuthCodeMessage(remainingCodeAttempts: number): string {
  return remainingCodeAttempts > 0
    ? `認証コードが正しくありません。あと${remainingCodeAttempts}回入力できます。`
    : "認証コードが正しくありません。この認証コードは無効になりました。認証コードを再送信してください。";
}

interface VerifyFields {
  executionPassword: string;
  authCode: string;
}

const verifyShape = verifyStepUpRequestSchema.shape;

/**
 * The contract's schema, with the fields this confirmation asks for made required: which
 * ones depends on the operation and the customer's settings, so the contract leaves both optional.
 */
function schemaFor(methods: readonly StepUpMethod[]): z.ZodType<VerifyStepUpRequest, VerifyStepUpRequest> {
  const needsPassword = methods.includes("execution_password");
  const needsCode = methods.includes("auth_code");
  return verifyStepUpRequestSchema.extend({
    executionPassword: needsPassword ? verifyShape.executionPassword.unwrap() : verifyShape.executionPassword,
    authCode: needsCode ? verifyShape.authCode.unwrap() : verifyShape.authCode,
  });
}

/** Codes typed with a Japanese IME arrive as full-width digits (１２３４５６); spaces are noise. */
function normalizeCode(value: string): string {
  return value.normalize("NFKC").replace(/[\s-]/g, "");
}

/** The request body: only the asked-for fields, an empty one as missing (→ 「…を入力してください。」). */
function toRequest(values: VerifyFields, methods: readonly StepUpMethod[]): VerifyStepUpRequest {
  const code = normalizeCode(values.authCode);
  return {
    ...(methods.includes("execution_password")
      ? { executionPassword: values.executionPassword === "" ? undefined : values.executionPassword }
      : {}),
    ...(methods.includes("auth_code") ? { authCode: code === "" ? undefined : code } : {}),
  };
}

function verifyResolver(methodsRef: {
  current: readonly StepUpMethod[];
}): Resolver<VerifyFields, unknown, VerifyStepUpRequest> {
  return (values, context, options) => {
    const methods = methodsRef.current;
    const resolve = zodResolver(schemaFor(methods));
    // Field names and paths are the same in both shapes; only the values are normalised.
    return resolve(toRequest(values, methods), context, options as never) as ReturnType<
      Resolver<VerifyFields, unknown, VerifyStepUpRequest>
    >;
  };
}

type Notice =
  | { kind: "error"; message: string; requestId?: string | undefined; action?: { label: string; run: () => void } }
  | { kind: "status"; message: string };

function errorNotice(error: unknown): Notice {
  if (!isApiError(error)) return { kind: "error", message: errorMessages.internal_error };
  return { kind: "error", message: error.message, requestId: error.requestId };
}

type ChallengeState =
  | { status: "starting" }
  | { status: "ready"; challenge: StepUpChallenge | null }
  | { status: "failed"; error: unknown }
  | { status: "locked"; message: string };

export interface StepUpConfirmationProps {
  operation: StepUpOperation;
  /**
   * Exactly what executes once confirmed (R26): the guarded call's body, `{}` for a view.
   * The grant is bound to it, so the caller must send this very object afterwards.
   */
  payload: Record<string, unknown>;
  /** From the 403 `step_up_required`. Without it, the fields follow the challenge's methods. */
  requirement?: Pick<StepUpDemand, "methods"> | undefined;
  /** What will happen, e.g. a definition list of the confirmed fields. */
  summary: ReactNode;
  /** e.g. 表示する for a view, 変更する for a change. */
  submitLabel?: string;
  /**
   * Called once the BFF holds the grant: retry the guarded call here. While the returned
   * promise is pending the button stays busy; if it rejects, the error shows here and the
   * button retries the call without asking for the password again. A rejection with
   * step_up_required is the caller's to handle (start a new confirmation).
   */
  onConfirmed: () => unknown;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
}

/**
 * The confirmation screen's step-up (R6, R13, R20, R30, R35): starts the challenge (which
 * mails the 認証コード when needed), asks for the 執行パスワード and/or 認証コード, verifies
 * them, then lets the caller retry its call. Reused by every guarded operation.
 */
export function StepUpConfirmation({
  operation,
  payload,
  requirement,
  summary,
  submitLabel = "確認する",
  onConfirmed,
  onCancel,
  cancelLabel = "戻る",
}: StepUpConfirmationProps) {
  const start = useStartStepUp();
  const verify = useVerifyStepUp();
  const [challengeState, setChallengeState] = useState<ChallengeState>({ status: "starting" });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [codeExpired, setCodeExpired] = useState(false);
  const [resending, setResending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  /** The BFF holds the grant; only the caller's call is left (e.g. after an outage). */
  const [verified, setVerified] = useState(false);
  const busy = useRef(false);
  const restarted = useRef(false);
  const resendButton = useRef<HTMLButtonElement>(null);

  const challenge = challengeState.status === "ready" ? challengeState.challenge : null;
  const methods = challenge?.methods ?? requirement?.methods ?? null;
  const methodsRef = useRef<readonly StepUpMethod[]>([]);
  methodsRef.current = methods ?? [];
  // Reads the methods at validation time: the challenge may ask for other fields than the 403 said.
  const [resolver] = useState(() => verifyResolver(methodsRef));

  const {
    register,
    handleSubmit,
    setError,
    resetField,
    setFocus,
    formState: { errors },
  } = useForm<VerifyFields, unknown, VerifyStepUpRequest>({
    resolver,
    defaultValues: { executionPassword: "", authCode: "" },
  });

  /** `initial` on arrival, `resend` for 再送信, `restart` after the BFF lost the pending confirmation. */
  async function requestChallenge(mode: "initial" | "resend" | "restart") {
    try {
      const next = await start.mutateAsync({ operation, payload });
      setChallengeState({ status: "ready", challenge: next });
      setCodeExpired(false);
      if (mode === "resend") {
        resetField("authCode");
        setNotice({ kind: "status", message: "認証コードを再送信しました。" });
      } else if (mode === "restart") {
        resetField("authCode");
        setNotice({
          kind: "status",
          message: next.methods.includes("auth_code")
            ? "確認の有効期限が切れたため、やり直しました。新しい認証コードを入力してください。"
            : `確認の有効期限が切れたため、やり直しました。もう一度「${submitLabel}」を押してください。`,
        });
      }
    } catch (error) {
      if (isApiError(error) && error.code === "account_locked") {
        setChallengeState({ status: "locked", message: error.message });
      } else if (isApiError(error) && error.code === "rate_limited") {
        // A code went out less than a minute ago (e.g. on the previous screen) and still works.
        if (mode === "initial") setChallengeState({ status: "ready", challenge: null });
        else setNotice({ kind: "error", message: RESEND_THROTTLED_MESSAGE });
      } else if (mode === "initial") {
        setChallengeState({ status: "failed", error });
      } else {
        setNotice(errorNotice(error));
      }
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

  const resendBusy = useRef(false);
  async function resend() {
    // Each start mails a code: a double click must not send two (nor earn a 429).
    if (resendBusy.current) return;
    resendBusy.current = true;
    setResending(true);
    setNotice(null);
    await requestChallenge("resend");
    resendBusy.current = false;
    setResending(false);
  }

  async function finish() {
    busy.current = true;
    setSubmitting(true);
    setNotice(null);
    try {
      await onConfirmed();
    } catch (error) {
      // step_up_required: the caller starts a new confirmation, which replaces this one.
      if (!isStepUpRequired(error)) setNotice(errorNotice(error));
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  }

  function showVerifyError(error: unknown) {
    if (!isApiError(error)) {
      setNotice(errorNotice(error));
      return;
    }
    switch (error.code) {
      case "wrong_execution_password":
        setNotice({
          kind: "error",
          message:
            error.remainingAttempts !== undefined
              ? wrongExecutionPasswordMessage(error.remainingAttempts)
              : error.message,
        });
        // Retyped anyway; a wrong password should not stay in the page.
        resetField("executionPassword");
        setFocus("executionPassword");
        return;
      case "account_locked":
        setChallengeState({ status: "locked", message: error.message });
        return;
      case "wrong_auth_code":
        setNotice({
          kind: "error",
          message:
            error.remainingCodeAttempts !== undefined
              ? wrongAuthCodeMessage(error.remainingCodeAttempts)
              : error.message,
        });
        resetField("authCode");
        if (error.remainingCodeAttempts === 0) {
          setCodeExpired(true);
          resendButton.current?.focus();
        } else {
          setFocus("authCode");
        }
        return;
      case "auth_code_expired":
        setNotice({ kind: "error", message: error.message });
        resetField("authCode");
        setCodeExpired(true);
        resendButton.current?.focus();
        return;
      case "step_up_missing":
        // The pending confirmation expired or was lost: start again once by ourselves.
        if (!restarted.current) {
          restarted.current = true;
          void requestChallenge("restart");
          return;
        }
        setNotice({
          kind: "error",
          message: error.message,
          action: { label: "確認をやり直す", run: () => void requestChallenge("restart") },
        });
        return;
      default: {
        let first = true;
        for (const field of error.fields) {
          if (field.path !== "executionPassword" && field.path !== "authCode") continue;
          setError(field.path, { type: "server", message: field.message }, { shouldFocus: first });
          first = false;
        }
        if (error.code === "auth_code_required" && first) {
          setError("authCode", { type: "server", message: error.message }, { shouldFocus: true });
        }
        setNotice(errorNotice(error));
      }
    }
  }

  const submit = handleSubmit(async (body) => {
    // A double click must not verify (or execute) twice.
    if (busy.current) return;
    busy.current = true;
    setSubmitting(true);
    setNotice(null);
    try {
      await verify.mutateAsync(body);
    } catch (error) {
      busy.current = false;
      setSubmitting(false);
      showVerifyError(error);
      return;
    }
    setVerified(true);
    resetField("executionPassword");
    resetField("authCode");
    await finish();
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (verified) {
      event.preventDefault();
      if (!busy.current) void finish();
      return;
    }
    void submit(event);
  };

  const cancelButton = onCancel && (
    <Button variant="secondary" onClick={onCancel}>
      {cancelLabel}
    </Button>
  );

  if (challengeState.status === "locked") {
    return (
      <div className="kk-stack">
        <Alert variant="error" title="アカウントロック中">
          <p>{challengeState.message}</p>
        </Alert>
        {cancelButton && <div className="kk-actions">{cancelButton}</div>}
      </div>
    );
  }

  if (challengeState.status === "failed" || (challengeState.status === "ready" && methods === null)) {
    const error = challengeState.status === "failed" ? challengeState.error : null;
    return (
      <div className="kk-stack">
        <Alert
          variant="error"
          actions={
            <Button variant="secondary" loading={start.isPending} onClick={() => void requestChallenge("initial")}>
              再試行
            </Button>
          }
        >
          <p>確認画面を表示できませんでした。</p>
          {isApiError(error) && <p>{error.message}</p>}
          {isApiError(error) && error.requestId && <p className="kk-text-sm">お問い合わせ番号: {error.requestId}</p>}
        </Alert>
        {cancelButton && <div className="kk-actions">{cancelButton}</div>}
      </div>
    );
  }

  if (methods === null) {
    return (
      <p className="kk-loading" role="status">
        確認画面を準備しています…
      </p>
    );
  }

  const needsPassword = methods.includes("execution_password");
  const needsCode = methods.includes("auth_code");
  const codeHint = challenge?.codeSentTo
    ? `${challenge.codeSentTo} に認証コードを送信しました。`
    : "ご登録のメールアドレスに送信した認証コードを入力してください。";

  return (
    <div className="kk-stack">
      {summary}
      <form className="kk-form" noValidate onSubmit={onSubmit}>
        {/* One alert at a time: the latest outcome replaces the previous one. */}
        {notice?.kind === "error" && (
          <Alert
            variant="error"
            actions={
              notice.action && (
                <Button variant="secondary" onClick={notice.action.run}>
                  {notice.action.label}
                </Button>
              )
            }
          >
            <p>{notice.message}</p>
            {notice.requestId && <p className="kk-text-sm">お問い合わせ番号: {notice.requestId}</p>}
          </Alert>
        )}
        {notice?.kind === "status" && (
          <Alert variant="info">
            <p>{notice.message}</p>
          </Alert>
        )}
        {verified ? (
          !submitting && <p>本人確認は完了しています。「{submitLabel}」を押してください。</p>
        ) : (
          <>
            {needsPassword && (
              <PasswordField
                label="執行パスワード"
                autoComplete="current-password"
                error={errors.executionPassword?.message}
                {...register("executionPassword")}
              />
            )}
            {needsCode && (
              <>
                <TextField
                  label="認証コード"
                  hint={codeHint}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  pattern="[0-9]*"
                  autoCapitalize="none"
                  autoCorrect="off"
                  spellCheck={false}
                  error={errors.authCode?.message}
                  {...register("authCode")}
                />
                <div className="kk-actions">
                  <Button
                    ref={resendButton}
                    variant={codeExpired ? "primary" : "secondary"}
                    loading={resending}
                    onClick={() => void resend()}
                  >
                    再送信
                  </Button>
                  <span className="kk-text-sm kk-text-muted">
                    認証コードは10分間有効です。届かない場合は再送信してください。
                  </span>
                </div>
              </>
            )}
          </>
        )}
        <div className="kk-form__actions kk-actions">
          <Button type="submit" loading={submitting || challengeState.status === "starting"}>
            {submitLabel}
          </Button>
          {cancelButton}
        </div>
      </form>
    </div>
  );
}

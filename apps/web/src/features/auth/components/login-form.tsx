import { type LoginRequest, loginRequestSchema } from "@kakunin/contracts/auth";
import { Button } from "@kakunin/ui/button";
import { PasswordField, TextField } from "@kakunin/ui/field";
import { lazy, Suspense, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { FormActions } from "../../../components/form-actions.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { applyFieldErrors, clearStaleFailure, fieldErrorsOf } from "../../../lib/form-errors.ts";
import { fieldBinder } from "../../../lib/form-fields.ts";
import { errorText } from "../../../lib/i18n/error-text.ts";
import { contractsCatalog } from "../../../lib/i18n/shared-catalogs.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import type { AuthenticatedSession } from "../api/get-session.ts";
import { useLogin } from "../api/login.ts";
import { authCatalog } from "../i18n.ts";
import { usePasskeyLogin } from "../model/use-passkey-login.ts";

// A new device's 認証コード step is the exception: its code and schema load when a login needs
// it, not with the login screen, whose first download is kept small (issue 16).
const DeviceVerificationForm = lazy(() =>
  import("./device-verification-form.tsx").then((module) => ({ default: module.DeviceVerificationForm })),
);

const fieldNames = ["customerCode", "password"] as const satisfies readonly (keyof LoginRequest)[];

export interface LoginFormProps {
  onSuccess: (session: AuthenticatedSession) => void;
}

export function LoginForm({ onSuccess }: LoginFormProps) {
  const { t } = useT(authCatalog, contractsCatalog);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors },
  } = useForm<LoginRequest>({
    // The same schema the BFF validates with, so both give the same messages.
    resolver: zodResolver(loginRequestSchema),
    defaultValues: { customerCode: "", password: "" },
  });
  const login = useLogin({ onSuccess });
  // One error area for both ways in: each start clears the other's error.
  const passkey = usePasskeyLogin({ onSuccess, onStart: () => login.reset() });
  const passkeyButton = useRef<HTMLButtonElement>(null);
  // Issue 15: a right password from a new device; the mailed 認証コード completes the login.
  const [deviceStep, setDeviceStep] = useState<{ codeSentTo: string | undefined } | null>(null);

  const submit = handleSubmit(
    (values) => {
      if (login.isPending) return;
      passkey.reset();
      login.mutate(values, {
        onError: (error) => {
          if (!isApiError(error)) return;
          if (error.code === "device_verification_required") {
            resetField("password");
            setDeviceStep({ codeSentTo: error.codeSentTo });
            return;
          }
          applyFieldErrors(setError, fieldErrorsOf(error, fieldNames), { focus: false });
          // A wrong password is retyped anyway; not keeping it in the page is safer.
          if (error.code === "invalid_credentials") resetField("password");
          // This account logs in with its passkey only: the way to do so is the next thing to reach.
          if (error.code === "passkey_login_required") {
            resetField("password");
            passkeyButton.current?.focus();
          }
        },
      });
    },
    clearStaleFailure(login, passkey),
  );

  const error = login.error;
  const failure = error
    ? {
        message: isApiError(error) ? error.message : errorText("internal_error"),
        retry: isApiError(error) && !error.retryable ? undefined : () => void submit(),
      }
    : passkey.failure && {
        message: passkey.failure.message,
        retry: passkey.failure.retryable ? passkey.start : undefined,
      };

  const field = fieldBinder(register, errors);

  if (deviceStep) {
    return (
      <Suspense
        fallback={
          <p className="kk-loading" role="status">
            {t("auth.device.loading")}
          </p>
        }
      >
        <DeviceVerificationForm
          codeSentTo={deviceStep.codeSentTo}
          onSuccess={onSuccess}
          onRestart={() => {
            login.reset();
            setDeviceStep(null);
          }}
        />
      </Suspense>
    );
  }

  return (
    <form className="kk-form" noValidate onSubmit={submit}>
      {failure && <ApiErrorAlert message={failure.message} onRetry={failure.retry} />}
      <TextField
        label={t("auth.login.customerCode")}
        hint={t("auth.login.customerCodeHint")}
        inputMode="numeric"
        // "webauthn": the browser may offer the customer's passkeys here (conditional mediation).
        autoComplete="username webauthn"
        {...field("customerCode")}
      />
      <PasswordField label={t("auth.login.password")} autoComplete="current-password" {...field("password")} />
      <FormActions submitLabel={t("auth.login.submit")} block loading={login.isPending} />
      <div className="kk-stack">
        <Button ref={passkeyButton} variant="secondary" block loading={passkey.pending} onClick={passkey.start}>
          {t("auth.login.passkey")}
        </Button>
        <p className="kk-text-sm kk-text-muted">{t("auth.login.passkeyNote")}</p>
      </div>
    </form>
  );
}

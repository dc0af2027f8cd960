import { type DeviceVerificationRequest, deviceVerificationRequestSchema } from "@kakunin/contracts/devices";
import { Button } from "@kakunin/ui/button";
import { TextField } from "@kakunin/ui/field";
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
import { useVerifyDevice } from "../api/verify-device.ts";
import { authCatalog } from "../i18n.ts";

export interface DeviceVerificationFormProps {
  /** The masked address the 認証コード went to. */
  codeSentTo: string | undefined;
  onSuccess: (session: AuthenticatedSession) => void;
  /** Back to the password: the pending login expired, or the customer wants a new code. */
  onRestart: () => void;
}

/**
 * The 認証コード step of a password login from a new device (issue 15): the code mailed to
 * the registered address completes the login; a wrong one is a field error with the tries left.
 */
export function DeviceVerificationForm({ codeSentTo, onSuccess, onRestart }: DeviceVerificationFormProps) {
  const { t } = useT(authCatalog, contractsCatalog);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors },
  } = useForm<DeviceVerificationRequest>({
    resolver: zodResolver(deviceVerificationRequestSchema),
    defaultValues: { code: "" },
  });
  const verify = useVerifyDevice({ onSuccess });

  const submit = handleSubmit((values) => {
    if (verify.isPending) return;
    verify.mutate(values, {
      onError: (error) => {
        if (!isApiError(error)) return;
        if (error.code === "wrong_auth_code") {
          resetField("code");
          const left = error.remainingCodeAttempts;
          setError(
            "code",
            {
              message:
                left !== undefined && left > 0 ? t("auth.device.wrongCode", { left }) : errorText("wrong_auth_code"),
            },
            { shouldFocus: true },
          );
          return;
        }
        applyFieldErrors(setError, fieldErrorsOf(error, ["code"] as const), { focus: true });
      },
    });
  }, clearStaleFailure(verify));

  const error = verify.error;
  // A wrong code shows at the field; anything else above the form.
  const alert =
    error && !(isApiError(error) && (error.code === "wrong_auth_code" || error.code === "validation_failed"))
      ? {
          message: isApiError(error) ? error.message : errorText("internal_error"),
          retry: isApiError(error) && !error.retryable ? undefined : () => void submit(),
        }
      : undefined;
  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={submit} aria-label={t("auth.device.formLabel")}>
      {alert && <ApiErrorAlert message={alert.message} onRetry={alert.retry} />}
      <p>{errorText("device_verification_required")}</p>
      {codeSentTo && <p className="kk-text-sm kk-text-muted">{t("auth.device.sentTo", { address: codeSentTo })}</p>}
      <TextField
        label={t("auth.device.code")}
        hint={t("auth.device.codeHint")}
        inputMode="numeric"
        autoComplete="one-time-code"
        {...field("code")}
      />
      <FormActions submitLabel={t("auth.device.submit")} block loading={verify.isPending} />
      <Button variant="secondary" block onClick={onRestart}>
        {t("auth.device.restart")}
      </Button>
    </form>
  );
}

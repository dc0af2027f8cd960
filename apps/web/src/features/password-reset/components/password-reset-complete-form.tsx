import { type PasswordResetForm, passwordResetFormSchema } from "@kakunin/contracts/password-reset";
import { PasswordField, TextField } from "@kakunin/ui/field";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { FormActions } from "../../../components/form-actions.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { applyFieldErrors, clearStaleFailure, fieldErrorsOf } from "../../../lib/form-errors.ts";
import { fieldBinder, numericInput } from "../../../lib/form-fields.ts";
import { errorText } from "../../../lib/i18n/error-text.ts";
import { formsCatalog } from "../../../lib/i18n/forms-catalog.ts";
import { contractsCatalog } from "../../../lib/i18n/shared-catalogs.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { useCompletePasswordReset } from "../api/complete-password-reset.ts";
import { passwordResetCatalog } from "../i18n.ts";

const passwordFields = ["newPassword", "newPasswordConfirmation"] as const;

export interface PasswordResetCompleteFormProps {
  /** Which of the two steps shows: the 認証コード, or the new password. */
  step: "code" | "password";
  onStepChange: (step: "code" | "password") => void;
  onSuccess: () => void;
}

/**
 * Steps 2 and 3 of ログインパスワードをお忘れの方, one form: the mailed 認証コード, then the new
 * ログインパスワード twice (the change form's rules and messages). A refused code sends the
 * customer back to step 2 with the server's message; a broken rule stays on step 3.
 */
export function PasswordResetCompleteForm({ step, onStepChange, onSuccess }: PasswordResetCompleteFormProps) {
  // contractsCatalog: the fields' messages and errorText's internal_error.
  const { t } = useT(passwordResetCatalog, contractsCatalog, formsCatalog);
  const {
    register,
    handleSubmit,
    setError,
    trigger,
    resetField,
    setFocus,
    formState: { errors },
  } = useForm<PasswordResetForm>({
    resolver: zodResolver(passwordResetFormSchema),
    defaultValues: { code: "", newPassword: "", newPasswordConfirmation: "" },
  });
  const mutation = useCompletePasswordReset({ onSuccess });
  // The code's refusal is shown on step 2, where the code is typed again.
  const [codeRefusal, setCodeRefusal] = useState<string | null>(null);

  const next = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await trigger("code")) {
      setCodeRefusal(null);
      mutation.reset();
      onStepChange("password");
    }
  };

  const submit = handleSubmit(({ code, newPassword }) => {
    if (mutation.isPending) return;
    mutation.mutate(
      { code, newPassword },
      {
        onError: (error) => {
          if (!isApiError(error)) return;
          if (error.code === "password_reset_code_invalid") {
            setCodeRefusal(error.message);
            resetField("code");
            onStepChange("code");
            return;
          }
          applyFieldErrors(setError, fieldErrorsOf(error, passwordFields, { all: true }));
          if (error.fields.some((f) => f.path === "code")) {
            onStepChange("code");
            setFocus("code");
          }
        },
      },
    );
  }, clearStaleFailure(mutation));

  const field = fieldBinder(register, errors);

  if (step === "code") {
    return (
      <form className="kk-form" noValidate onSubmit={next}>
        {codeRefusal && <ApiErrorAlert message={codeRefusal} />}
        <TextField
          label={t("passwordReset.complete.code")}
          hint={t("passwordReset.complete.codeHint")}
          {...numericInput}
          {...field("code")}
        />
        <FormActions submitLabel={t("passwordReset.complete.next")} block />
      </form>
    );
  }

  const error = mutation.error;
  const message = isApiError(error) ? error.message : errorText("internal_error");
  const retryable = isApiError(error) ? error.retryable : true;
  return (
    <form className="kk-form" noValidate onSubmit={submit}>
      {error && <ApiErrorAlert message={message} onRetry={retryable ? () => void submit() : undefined} />}
      <PasswordField
        label={t("passwordReset.complete.newPassword")}
        autoComplete="new-password"
        {...field("newPassword")}
      />
      <p className="kk-note">{t("passwordReset.complete.rules")}</p>
      <PasswordField
        label={t("passwordReset.complete.newPasswordConfirmation")}
        hint={t("passwordReset.complete.newPasswordConfirmationHint")}
        autoComplete="new-password"
        {...field("newPasswordConfirmation")}
      />
      <FormActions submitLabel={t("passwordReset.complete.submit")} block loading={mutation.isPending} />
    </form>
  );
}

import { type StartPasswordResetRequest, startPasswordResetRequestSchema } from "@kakunin/contracts/password-reset";
import { TextField } from "@kakunin/ui/field";
import { useForm } from "react-hook-form";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { FormActions } from "../../../components/form-actions.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { applyFieldErrors, clearStaleFailure, fieldErrorsOf } from "../../../lib/form-errors.ts";
import { fieldBinder } from "../../../lib/form-fields.ts";
import { errorText } from "../../../lib/i18n/error-text.ts";
import { formsCatalog } from "../../../lib/i18n/forms-catalog.ts";
import { contractsCatalog } from "../../../lib/i18n/shared-catalogs.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { useStartPasswordReset } from "../api/start-password-reset.ts";
import { passwordResetCatalog } from "../i18n.ts";

const fieldNames = ["customerCode", "birthDate"] as const satisfies readonly (keyof StartPasswordResetRequest)[];

export interface PasswordResetStartFormProps {
  onSuccess: () => void;
}

/** Step 1 of ログインパスワードをお忘れの方: お客様コード and 生年月日 (validated as the BFF does). */
export function PasswordResetStartForm({ onSuccess }: PasswordResetStartFormProps) {
  // contractsCatalog: the fields' messages and errorText's internal_error.
  const { t } = useT(passwordResetCatalog, contractsCatalog, formsCatalog);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<StartPasswordResetRequest>({
    resolver: zodResolver(startPasswordResetRequestSchema),
    defaultValues: { customerCode: "", birthDate: "" },
  });
  const mutation = useStartPasswordReset({ onSuccess });

  const submit = handleSubmit((values) => {
    if (mutation.isPending) return;
    mutation.mutate(values, {
      onError: (error) => applyFieldErrors(setError, fieldErrorsOf(error, fieldNames)),
    });
  }, clearStaleFailure(mutation));

  const error = mutation.error;
  const message = isApiError(error) ? error.message : errorText("internal_error");
  const retryable = isApiError(error) ? error.retryable : true;
  const field = fieldBinder(register, errors);

  return (
    <form className="kk-form" noValidate onSubmit={submit}>
      {error && <ApiErrorAlert message={message} onRetry={retryable ? () => void submit() : undefined} />}
      <TextField
        label={t("passwordReset.start.customerCode")}
        hint={t("passwordReset.start.customerCodeHint")}
        inputMode="numeric"
        autoComplete="username"
        {...field("customerCode")}
      />
      <TextField
        label={t("passwordReset.start.birthDate")}
        hint={t("passwordReset.start.birthDateHint")}
        autoComplete="bday"
        {...field("birthDate")}
      />
      <FormActions submitLabel={t("passwordReset.start.submit")} block loading={mutation.isPending} />
    </form>
  );
}

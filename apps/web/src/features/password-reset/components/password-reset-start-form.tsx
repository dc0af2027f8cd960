import { type StartPasswordResetRequest, startPasswordResetRequestSchema } from "@kakunin/contracts/password-reset";
import { TextField } from "@kakunin/ui/field";
import { useForm } from "react-hook-form";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { FormActions } from "../../../components/form-actions.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { applyFieldErrors, clearStaleFailure, fieldErrorsOf } from "../../../lib/form-errors.ts";
import { fieldBinder } from "../../../lib/form-fields.ts";
import { errorText } from "../../../lib/i18n/error-text.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { useStartPasswordReset } from "../api/start-password-reset.ts";

const fieldNames = ["customerCode", "birthDate"] as const satisfies readonly (keyof StartPasswordResetRequest)[];

export interface PasswordResetStartFormProps {
  onSuccess: () => void;
}

/** Step 1 of ログインパスワードをお忘れの方: お客様コード and 生年月日 (validated as the BFF does). */
export function PasswordResetStartForm({ onSuccess }: PasswordResetStartFormProps) {
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
        label="お客様コード"
        hint="7桁の半角数字"
        inputMode="numeric"
        autoComplete="username"
        {...field("customerCode")}
      />
      <TextField
        label="生年月日"
        hint="西暦の年月日を半角で入力してください（例: 1980-04-01）"
        autoComplete="bday"
        {...field("birthDate")}
      />
      <FormActions submitLabel="認証コードを送信" block loading={mutation.isPending} />
    </form>
  );
}

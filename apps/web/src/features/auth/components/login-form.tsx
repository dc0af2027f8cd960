import { zodResolver } from "@hookform/resolvers/zod";
import { type LoginRequest, loginRequestSchema } from "@kakunin/contracts/auth";
import { errorMessages } from "@kakunin/contracts/errors";
import { PasswordField, TextField } from "@kakunin/ui/field";
import { useForm } from "react-hook-form";
import { ApiErrorAlert } from "../../../components/api-error-alert.tsx";
import { FormActions } from "../../../components/form-actions.tsx";
import { isApiError } from "../../../lib/api-client.ts";
import { applyFieldErrors, fieldErrorsOf } from "../../../lib/form-errors.ts";
import { fieldBinder } from "../../../lib/form-fields.ts";
import type { AuthenticatedSession } from "../api/get-session.ts";
import { useLogin } from "../api/login.ts";

const fieldNames = ["customerCode", "password"] as const satisfies readonly (keyof LoginRequest)[];

export interface LoginFormProps {
  onSuccess: (session: AuthenticatedSession) => void;
}

export function LoginForm({ onSuccess }: LoginFormProps) {
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors },
  } = useForm<LoginRequest>({
    // The same schema the BFF validates with, so both give the same Japanese messages.
    resolver: zodResolver(loginRequestSchema),
    defaultValues: { customerCode: "", password: "" },
  });
  const login = useLogin({ onSuccess });

  const submit = handleSubmit((values) => {
    if (login.isPending) return;
    login.mutate(values, {
      onError: (error) => {
        if (!isApiError(error)) return;
        applyFieldErrors(setError, fieldErrorsOf(error, fieldNames), { focus: false });
        // A wrong password is retyped anyway; not keeping it in the page is safer.
        if (error.code === "invalid_credentials") resetField("password");
      },
    });
  });

  const error = login.error;
  const message = isApiError(error) ? error.message : errorMessages.internal_error;
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
      <PasswordField label="ログインパスワード" autoComplete="current-password" {...field("password")} />
      <FormActions submitLabel="ログイン" block loading={login.isPending} />
    </form>
  );
}

import { zodResolver } from "@hookform/resolvers/zod";
import { type LoginRequest, loginRequestSchema } from "@kakunin/contracts/auth";
import { errorMessages } from "@kakunin/contracts/errors";
import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import { PasswordField, TextField } from "@kakunin/ui/field";
import { useForm } from "react-hook-form";
import { isApiError } from "../../../lib/api-client.ts";
import type { AuthenticatedSession } from "../api/get-session.ts";
import { useLogin } from "../api/login.ts";

const fieldNames = ["customerCode", "password"] as const satisfies readonly (keyof LoginRequest)[];
type FieldName = (typeof fieldNames)[number];

function isFieldName(path: string): path is FieldName {
  return (fieldNames as readonly string[]).includes(path);
}

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
        for (const field of error.fields) {
          if (isFieldName(field.path)) setError(field.path, { type: "server", message: field.message });
        }
        // A wrong password is retyped anyway; not keeping it in the page is safer.
        if (error.code === "invalid_credentials") resetField("password");
      },
    });
  });

  const error = login.error;
  const message = isApiError(error) ? error.message : errorMessages.internal_error;
  const retryable = isApiError(error) ? error.retryable : true;

  return (
    <form className="kk-form" noValidate onSubmit={submit}>
      {error && (
        <Alert
          variant="error"
          actions={
            retryable && (
              <Button variant="secondary" onClick={() => void submit()}>
                再試行
              </Button>
            )
          }
        >
          <p>{message}</p>
        </Alert>
      )}
      <TextField
        label="お客様コード"
        hint="7桁の半角数字"
        inputMode="numeric"
        autoComplete="username"
        error={errors.customerCode?.message}
        {...register("customerCode")}
      />
      <PasswordField
        label="ログインパスワード"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <div className="kk-form__actions">
        <Button type="submit" block loading={login.isPending}>
          ログイン
        </Button>
      </div>
    </form>
  );
}

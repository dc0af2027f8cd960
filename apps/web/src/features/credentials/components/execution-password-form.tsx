import { changeExecutionPasswordRequestSchema } from "@kakunin/contracts/credentials";
import { EXECUTION_PASSWORD_MAX_ATTEMPTS } from "@kakunin/contracts/errors";
import { Alert } from "@kakunin/ui/alert";
import type { ApiError } from "../../../lib/api-client.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { useChangeExecutionPassword } from "../api/change-execution-password.ts";
import type { PasswordChanged } from "../api/password-changed.ts";
import { PasswordChangeForm } from "./password-change-form.tsx";

const resolver = zodResolver(changeExecutionPasswordRequestSchema);

export function remainingAttemptsMessage(remaining: number): string {
  return `あと${remaining}回間違えるとアカウントがロックされます。`;
}

function describeError(error: ApiError): string | undefined {
  if (error.code === "wrong_execution_password" && error.remainingAttempts !== undefined) {
    return `執行パスワードが正しくありません。${remainingAttemptsMessage(error.remainingAttempts)}`;
  }
  return undefined;
}

export interface ExecutionPasswordFormProps {
  /** Tries left before the lock, from the credential status; warned about after a failure. */
  remainingAttempts?: number | undefined;
  onSuccess: (result: PasswordChanged) => void;
  /** The server refused because the account is locked (R8): the caller replaces the form. */
  onLocked: (message: string) => void;
}

/** 執行パスワード変更 (R10), labels exactly as in the notice's steps. */
export function ExecutionPasswordForm({ remainingAttempts, onSuccess, onLocked }: ExecutionPasswordFormProps) {
  const mutation = useChangeExecutionPassword({ onSuccess });
  const failedBefore = remainingAttempts !== undefined && remainingAttempts < EXECUTION_PASSWORD_MAX_ATTEMPTS;
  return (
    <PasswordChangeForm
      kind="execution"
      labels={{ current: "現在の執行パスワード", next: "新執行パスワード", confirm: "新執行パスワード（確認）" }}
      resolver={resolver}
      mutation={mutation}
      currentHint="初期パスワードは会員トップのお知らせでご確認いただけます。"
      note="生年月日・電話番号・お客様コードを含むもの、連続した文字や同じ文字の繰り返し、よく使われるパスワード、ログインパスワードと同じもの、過去5回分に使用したパスワードは登録できません。"
      notice={
        failedBefore && (
          <Alert variant="warning">
            <p>
              執行パスワードの入力誤りがあります。
              {remainingAttempts > 0 && remainingAttemptsMessage(remainingAttempts)}
            </p>
          </Alert>
        )
      }
      describeError={describeError}
      onError={(error) => {
        if (error.code === "account_locked") onLocked(error.message);
      }}
    />
  );
}

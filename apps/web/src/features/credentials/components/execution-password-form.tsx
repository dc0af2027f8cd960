import { changeExecutionPasswordRequestSchema } from "@kakunin/contracts/credentials";
import { EXECUTION_PASSWORD_MAX_ATTEMPTS } from "@kakunin/contracts/errors";
import { Alert } from "@kakunin/ui/alert";
import type { ApiError } from "../../../lib/api-client.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { useChangeExecutionPassword } from "../api/change-execution-password.ts";
import type { PasswordChanged } from "../api/password-changed.ts";
import { credentialsCatalog } from "../i18n.ts";
import { PasswordChangeForm } from "./password-change-form.tsx";

const resolver = zodResolver(changeExecutionPasswordRequestSchema);

function describeError(t: Translate, error: ApiError): string | undefined {
  if (error.code === "wrong_execution_password" && error.remainingAttempts !== undefined) {
    return t("credentials.executionPassword.wrong", { remaining: error.remainingAttempts });
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
  const { t } = useT(credentialsCatalog);
  const mutation = useChangeExecutionPassword({ onSuccess });
  const failedBefore = remainingAttempts !== undefined && remainingAttempts < EXECUTION_PASSWORD_MAX_ATTEMPTS;
  return (
    <PasswordChangeForm
      kind="execution"
      labels={{
        current: t("credentials.executionPassword.current"),
        next: t("credentials.executionPassword.next"),
        confirm: t("credentials.executionPassword.confirm"),
      }}
      resolver={resolver}
      mutation={mutation}
      currentHint={t("credentials.executionPassword.currentHint")}
      note={t("credentials.executionPassword.note")}
      notice={
        failedBefore && (
          <Alert variant="warning">
            <p>
              {remainingAttempts > 0
                ? t("credentials.executionPassword.failedBeforeRemaining", { remaining: remainingAttempts })
                : t("credentials.executionPassword.failedBefore")}
            </p>
          </Alert>
        )
      }
      describeError={(error) => describeError(t, error)}
      onError={(error) => {
        if (error.code === "account_locked") onLocked(error.message);
      }}
    />
  );
}

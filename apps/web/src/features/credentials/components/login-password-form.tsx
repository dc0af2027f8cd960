import { changeLoginPasswordRequestSchema } from "@kakunin/contracts/credentials";
import { useT } from "../../../lib/i18n/use-t.ts";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { useChangeLoginPassword } from "../api/change-login-password.ts";
import type { PasswordChanged } from "../api/password-changed.ts";
import { credentialsCatalog } from "../i18n.ts";
import { PasswordChangeForm } from "./password-change-form.tsx";

const resolver = zodResolver(changeLoginPasswordRequestSchema);

export interface LoginPasswordFormProps {
  onSuccess: (result: PasswordChanged) => void;
}

/** ログインパスワード変更. A wrong current password counts toward the login throttle (429). */
export function LoginPasswordForm({ onSuccess }: LoginPasswordFormProps) {
  const { t } = useT(credentialsCatalog);
  const mutation = useChangeLoginPassword({ onSuccess });
  return (
    <PasswordChangeForm
      kind="login"
      labels={{
        current: t("credentials.loginPassword.current"),
        next: t("credentials.loginPassword.next"),
        confirm: t("credentials.loginPassword.confirm"),
      }}
      resolver={resolver}
      mutation={mutation}
      note={t("credentials.loginPassword.note")}
    />
  );
}

import { changeLoginPasswordRequestSchema } from "@kakunin/contracts/credentials";
import { zodResolver } from "../../../lib/zod-resolver.ts";
import { useChangeLoginPassword } from "../api/change-login-password.ts";
import type { PasswordChanged } from "../api/password-changed.ts";
import { PasswordChangeForm } from "./password-change-form.tsx";

const resolver = zodResolver(changeLoginPasswordRequestSchema);

export interface LoginPasswordFormProps {
  onSuccess: (result: PasswordChanged) => void;
}

/** ログインパスワード変更. A wrong current password counts toward the login throttle (429). */
export function LoginPasswordForm({ onSuccess }: LoginPasswordFormProps) {
  const mutation = useChangeLoginPassword({ onSuccess });
  return (
    <PasswordChangeForm
      kind="login"
      labels={{
        current: "現在のログインパスワード",
        next: "新しいログインパスワード",
        confirm: "新しいログインパスワード（確認）",
      }}
      resolver={resolver}
      mutation={mutation}
      note="生年月日・電話番号・お客様コードを含むもの、連続した文字や同じ文字の繰り返し、よく使われるパスワード、執行パスワードと同じもの、過去5回分に使用したパスワードは登録できません。"
    />
  );
}

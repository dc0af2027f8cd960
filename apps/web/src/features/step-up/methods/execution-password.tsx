import { executionPasswordInputSchema } from "@kakunin/contracts/credentials";
import { PasswordField } from "@kakunin/ui/field";
import type { StepUpFieldProps, StepUpMethodUi } from "./step-up-method-ui.ts";

export function wrongExecutionPasswordMessage(remainingAttempts: number): string {
  return `執行パスワードが正しくありません。あと${remainingAttempts}回間違えるとアカウントがロックされます。`;
}

function ExecutionPasswordField({ registration, error }: StepUpFieldProps) {
  return <PasswordField label="執行パスワード" autoComplete="current-password" error={error} {...registration} />;
}

/** The 執行パスワード (R6, R8): every guarded operation asks for it. */
export const executionPasswordUi: StepUpMethodUi<"execution_password"> = {
  name: "execution_password",
  field: "executionPassword",
  schema: executionPasswordInputSchema,
  toRequest: (value) => (value === "" ? undefined : value),
  Field: ExecutionPasswordField,
  instruction: "執行パスワードを入力",
  react(error) {
    if (error.code !== "wrong_execution_password") return null;
    return {
      message:
        error.remainingAttempts !== undefined ? wrongExecutionPasswordMessage(error.remainingAttempts) : error.message,
      // Retyped anyway; a wrong password should not stay in the page.
      clear: true,
      focus: "field",
    };
  },
};

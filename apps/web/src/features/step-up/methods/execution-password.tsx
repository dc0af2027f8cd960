import { executionPasswordInputSchema } from "@kakunin/contracts/credentials";
import { PasswordField } from "@kakunin/ui/field";
import { translate, useT } from "../../../lib/i18n/use-t.ts";
import { stepUpCatalog } from "../i18n.ts";
import type { StepUpFieldProps, StepUpMethodUi } from "./step-up-method-ui.ts";

/** Said when the refusal happens, so in the language of that moment. */
export function wrongExecutionPasswordMessage(remainingAttempts: number): string {
  return translate("stepUp.executionPassword.wrong", { remaining: remainingAttempts });
}

function ExecutionPasswordField({ registration, error }: StepUpFieldProps) {
  const { t } = useT(stepUpCatalog);
  return (
    <PasswordField
      label={t("stepUp.executionPassword.label")}
      autoComplete="current-password"
      error={error}
      {...registration}
    />
  );
}

/** The 執行パスワード (R6, R8): every guarded operation asks for it. */
export const executionPasswordUi: StepUpMethodUi<"execution_password"> = {
  name: "execution_password",
  field: "executionPassword",
  schema: executionPasswordInputSchema,
  toRequest: (value) => (value === "" ? undefined : value),
  Field: ExecutionPasswordField,
  instruction: "stepUp.executionPassword.instruction",
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

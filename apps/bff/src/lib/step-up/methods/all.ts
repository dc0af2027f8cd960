import { type StepUpMethod, stepUpMethodNames } from "@kakunin/contracts/step-up";
import { authCode } from "./auth-code.ts";
import { executionPassword } from "./execution-password.ts";
import type { BffStepUpMethod } from "./method.ts";
import { passkey } from "./passkey.ts";

/** One module per step-up method of the contract (a method without one does not compile). */
const byName = {
  execution_password: executionPassword,
  passkey,
  auth_code: authCode,
} satisfies Record<StepUpMethod, BffStepUpMethod>;

/**
 * Every step-up method, in the contract's order: the 執行パスワード first, so a locked
 * customer is refused before a code is mailed.
 */
export const bffStepUpMethods: readonly BffStepUpMethod[] = stepUpMethodNames.map((name) => byName[name]);

import { ApiError } from "../../api-error.ts";
import type { BffStepUpMethod } from "./method.ts";

/**
 * The 執行パスワード: nothing to send. A locked customer is told when the confirmation opens
 * (423, as core answers a locked verification), before any other method sends anything.
 */
export const executionPassword: BffStepUpMethod = {
  name: "execution_password",
  idle: {},
  async start(_c, { locked }) {
    if (locked) throw new ApiError("account_locked", 423, { remainingAttempts: 0 });
    return { fields: {} };
  },
};

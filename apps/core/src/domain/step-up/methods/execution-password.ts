import { AppError } from "../../../lib/errors.ts";
import {
  accountLockedError,
  throwUnlessVerified,
  verifyExecutionPassword,
} from "../../credentials/verify-execution-password.ts";
import { schedulePhase } from "../../schedule.ts";
import type { StepUpMethod } from "../method.ts";

/** The 執行パスワード (R6, R8): required from enforcement on (R11), through the one lock counter. */
export const executionPassword: StepUpMethod = {
  name: "execution_password",

  async required(_db, services, customerId) {
    return schedulePhase(services.settings, services.clock.now(customerId)) === "enforced" ? {} : null;
  },

  /**
   * A locked customer (R8) is refused when the confirmation opens: it would be refused at
   * verification anyway, so nothing is sent (e.g. no code mailed) and the refusal is audited.
   */
  async start({ customer }) {
    if (!customer.lockedAt) return { status: "ready" };
    return {
      status: "refused",
      outcome: "refused_locked",
      detail: { reason: "account_locked" },
      raise: () => {
        throw accountLockedError();
      },
    };
  },

  missing: () =>
    new AppError("validation_failed", 400, {
      fields: [{ path: "executionPassword", message: "server.validation.executionPasswordRequired" }],
    }),

  async verify(ctx) {
    // The contract's field is a string; anything else is no entry at all (it costs no try).
    if (typeof ctx.entry !== "string") throw this.missing();
    const outcome = await verifyExecutionPassword(ctx.db, ctx.services.hashGate, {
      customerId: ctx.customerId,
      client: ctx.client,
      requestId: ctx.requestId,
      password: ctx.entry,
      purpose: ctx.operation,
    });
    if (outcome.status !== "verified") {
      const locked = outcome.status === "locked" || outcome.lockedNow;
      await ctx.audit(outcome.status === "locked" ? "refused_locked" : "failure", {
        reason: locked ? "account_locked" : "wrong_execution_password",
      });
      throwUnlessVerified(outcome);
    }
    return { auditedSuccess: false };
  },
};

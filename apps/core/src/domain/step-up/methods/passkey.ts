import { passkeyStepUpCoreEntrySchema } from "@kakunin/contracts/passkeys";
import { AppError } from "../../../lib/errors.ts";
import { verifyPasskeyAssertion } from "../../passkeys/assertion.ts";
import { stepUpPasskeyChallenge } from "../../passkeys/common.ts";
import { passkeyDemand, registrationRequired } from "../../passkeys/policy.ts";
import type { StepUpMethod } from "../method.ts";

/**
 * The passkey (issue 14, decision 012): an assertion over a challenge derived from the BFF's
 * nonce and the operation digest, so it confirms exactly what the customer saw. Required by
 * the passkey policy (policy.ts); being phishing-resistant, it replaces the mailed 認証コード
 * except where the code is mandatory (a passkey's registration or deletion). A customer due
 * to have one (enforced operation, date reached) and without it cannot confirm at all.
 */
export const passkey: StepUpMethod = {
  name: "passkey",
  supersedes: ["auth_code"],

  async required(db, services, customerId, operation) {
    const demand = await passkeyDemand(db, services, customerId, operation);
    if (demand === "passkey") return {};
    if (demand === "registration_required") {
      return { refusal: { reason: "passkey_registration_required", error: registrationRequired } };
    }
    return null;
  },

  // Nothing to send: the BFF asks for the request options (with the digest) when it opens the confirmation.
  async start() {
    return { status: "ready" };
  },

  missing: () => new AppError("passkey_required", 400),

  async verify(ctx) {
    const parsed = passkeyStepUpCoreEntrySchema.safeParse(ctx.entry);
    if (!parsed.success) throw this.missing();
    const { response, nonce } = parsed.data;
    try {
      await verifyPasskeyAssertion(ctx.db, ctx.services, {
        response,
        expectedChallenge: stepUpPasskeyChallenge(nonce, ctx.digest),
        customerId: ctx.customerId,
        client: ctx.client,
        requestId: ctx.requestId,
      });
    } catch (err) {
      // The assertion's own audit says why (passkey_assertion); this one ties it to the confirmation.
      await ctx.audit("failure", { reason: err instanceof AppError ? err.code : "passkey_error" });
      throw err;
    }
    return { auditedSuccess: false };
  },
};

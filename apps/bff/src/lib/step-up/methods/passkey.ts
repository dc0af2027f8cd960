import { authenticationResponseSchema } from "@kakunin/contracts/passkeys";
import { ApiError } from "../../api-error.ts";
import { requestOf } from "../../core-context.ts";
import { newPasskeyChallenge } from "../../passkeys/challenge-store.ts";
import type { BffStepUpMethod } from "./method.ts";

/** The SingleUseStore id of a step-up nonce once an assertion over it went to core. */
const nonceMark = (nonce: string) => `passkey-nonce:${nonce}`;

/**
 * Did core's refusal come after it evaluated the assertion (and so advanced the passkey's
 * counter)? Core checks the methods in order, each on its own: the 執行パスワード, then the
 * 認証コード, then the passkey; a missing entry, a lock or its hash gate refuse before any.
 * So only a refusal about the passkey means the assertion was used.
 */
function assertionUsed(code: string): boolean {
  return code.startsWith("passkey_") && code !== "passkey_required";
}

/**
 * A passkey (issue 14, decision 012). When the confirmation opens, the BFF draws a nonce,
 * keeps it in the pending confirmation and has core build the request options on it and the
 * operation digest (core derives the challenge from both), so the signature covers exactly
 * what was confirmed. The verification sends core the assertion with the nonce.
 */
export const passkey: BffStepUpMethod = {
  name: "passkey",
  idle: { passkeyOptions: null },
  async start(c, ctx) {
    const nonce = newPasskeyChallenge();
    const options = await c.get("deps").core.call("passkeyAuthenticationOptions", {
      body: { challenge: nonce, customerId: ctx.customerId, digest: ctx.digest },
      ...requestOf(c),
    });
    return { fields: { passkeyOptions: options }, state: { passkeyNonce: nonce } };
  },
  async toCore(c, entry, state) {
    const nonce = state?.passkeyNonce;
    // A confirmation started while no passkey was asked for has no nonce to sign.
    if (!nonce) throw new ApiError("passkey_challenge_expired", 409);
    const { singleUse, config } = c.get("deps");
    // Marked before core sees the assertion: a replay, or the second of a double click, is
    // refused here. Sent to core twice, a device-bound passkey's counter would not advance
    // the second time and core would suspend it as a possible clone.
    if (!(await singleUse.use(nonceMark(nonce), config.stepUp.challengeMs))) {
      throw new ApiError("passkey_challenge_expired", 409);
    }
    return {
      entry: { response: authenticationResponseSchema.parse(entry), nonce },
      // Refused before core used the assertion (a wrong 執行パスワード or 認証コード, a lock, core's
      // hash gate): the customer may correct the rest and sign again over the same challenge.
      onRefused: async (code) => {
        if (!assertionUsed(code)) await singleUse.release(nonceMark(nonce));
      },
    };
  },
};

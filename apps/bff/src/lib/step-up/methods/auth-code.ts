import { clientContext } from "../../client-context.ts";
import { requestOf } from "../../core-context.ts";
import type { BffStepUpMethod } from "./method.ts";

/** The 認証コード (R13): core mails it, bound to the digest; the challenge says where it went. */
export const authCode: BffStepUpMethod = {
  name: "auth_code",
  idle: { codeSentTo: null },
  async start(c, ctx) {
    // The payload goes along so the mail can say what the code is for (e.g. amount and
    // destination); core checks it hashes to the digest.
    const issued = await c.get("deps").core.call("issueAuthCode", {
      params: { customerId: ctx.customerId },
      body: {
        operation: ctx.operation,
        digest: ctx.digest,
        payload: ctx.payload as Record<string, unknown>,
        client: clientContext(c),
      },
      ...requestOf(c),
    });
    // Issue 17 B1: within the resend limit, core answers with the code already mailed for this
    // very confirmation, and the screen says so.
    const fields = { codeSentTo: issued.destination, ...(issued.reused ? { codeReused: issued.reused } : {}) };
    return { fields, expiresAt: Date.parse(issued.expiresAt) };
  },
};

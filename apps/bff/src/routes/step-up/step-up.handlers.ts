import { toFieldErrors } from "@kakunin/contracts/errors";
import { startStepUpRequestSchema, verifyStepUpRequestSchema } from "@kakunin/contracts/step-up";
import { createFactory } from "hono/factory";
import { ApiError } from "../../lib/api-error.ts";
import { clientContext } from "../../lib/client-context.ts";
import { operationDigest } from "../../lib/step-up/digest.ts";
import { stepUpPayloadSchemas } from "../../lib/step-up/payloads.ts";
import { grant, readPending, writePending } from "../../lib/step-up/step-up.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { sessionOf } from "../me/session-of.ts";

const factory = createFactory<AppEnv>();

/**
 * POST /api/step-up/challenges: the confirmation screen opens (or asks to 再送信). Binds the
 * pending confirmation to the operation and the digest of its payload, and has core mail
 * the 認証コード when the customer's settings require one (R13). A locked customer is told
 * at once (423, as core answers a locked verification): no code, no pending confirmation.
 */
export const startChallenge = factory.createHandlers(requireJson, jsonBody(startStepUpRequestSchema), async (c) => {
  const { operation, payload } = c.req.valid("json");
  const parsed = stepUpPayloadSchemas[operation].safeParse(payload);
  if (!parsed.success) {
    throw new ApiError("validation_failed", 400, {
      fields: toFieldErrors(parsed.error.issues).map((f) => ({ ...f, path: f.path ? `payload.${f.path}` : "payload" })),
    });
  }
  const { customerId } = sessionOf(c);
  const { core, config, now } = c.get("deps");
  const opts = { requestId: c.get("requestId") };
  const digest = operationDigest(operation, parsed.data);
  const { methods, locked } = await core.getStepUpRequirements(customerId, operation, opts);
  if (locked && methods.includes("execution_password")) {
    throw new ApiError("account_locked", 423, { remainingAttempts: 0 });
  }
  let codeSentTo: string | null = null;
  let expiresAt = now() + config.stepUp.challengeMs;
  if (methods.includes("auth_code")) {
    // The payload goes along so the mail can say what the code is for (e.g. amount and
    // destination); core checks it hashes to the digest.
    const issued = await core.issueAuthCode(
      customerId,
      { operation, digest, payload: parsed.data as Record<string, unknown>, client: clientContext(c) },
      opts,
    );
    codeSentTo = issued.destination;
    expiresAt = Math.min(expiresAt, Date.parse(issued.expiresAt));
  }
  await writePending(c, { operation, digest, methods });
  return c.json({ operation, methods, codeSentTo, expiresAt: new Date(expiresAt).toISOString() });
});

/** POST /api/step-up/verifications: core checks the 執行パスワード and 認証コード; the BFF grants. */
export const verifyChallenge = factory.createHandlers(requireJson, jsonBody(verifyStepUpRequestSchema), async (c) => {
  const pending = await readPending(c);
  if (!pending) throw new ApiError("step_up_missing", 409);
  const { executionPassword, authCode } = c.req.valid("json");
  await c.get("deps").core.verifyStepUp(
    sessionOf(c).customerId,
    {
      operation: pending.operation,
      digest: pending.digest,
      ...(executionPassword !== undefined ? { executionPassword } : {}),
      ...(authCode !== undefined ? { authCode } : {}),
      client: clientContext(c),
    },
    { requestId: c.get("requestId") },
  );
  await grant(c, pending);
  return c.body(null, 204);
});

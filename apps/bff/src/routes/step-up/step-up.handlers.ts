import type { verifyStepUpCoreRequestSchema } from "@kakunin/contracts/core-api";
import { toFieldErrors } from "@kakunin/contracts/error-body";
import {
  type StepUpChallenge,
  startStepUpRequestSchema,
  stepUpMethods,
  stepUpOperations,
  verifyStepUpRequestSchema,
} from "@kakunin/contracts/step-up";
import { createFactory } from "hono/factory";
import type { z } from "zod";
import { ApiError } from "../../lib/api-error.ts";
import { clientContext } from "../../lib/client-context.ts";
import { CoreError } from "../../lib/core-client.ts";
import { requestOf } from "../../lib/core-context.ts";
import { operationDigest } from "../../lib/step-up/digest.ts";
import { bffStepUpMethods } from "../../lib/step-up/methods/all.ts";
import { grant, type PendingStepUp, readPending, writePending } from "../../lib/step-up/step-up.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { localeOf } from "../../middleware/locale.ts";
import { sessionOf } from "../me/session-of.ts";

const factory = createFactory<AppEnv>();

/**
 * POST /api/step-up/challenges: the confirmation screen opens (or asks to 再送信). Binds the
 * pending confirmation to the operation and the digest of its payload, and starts each
 * method core requires (e.g. has core mail the 認証コード, R13). A locked customer is told
 * at once (423, as core answers a locked verification): nothing sent, no pending confirmation.
 */
export const startChallenge = factory.createHandlers(requireJson, jsonBody(startStepUpRequestSchema), async (c) => {
  const { operation, payload } = c.req.valid("json");
  const parsed = stepUpOperations[operation].payload.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError("validation_failed", 400, {
      fields: toFieldErrors(parsed.error.issues, localeOf(c)).map((f) => ({
        ...f,
        path: f.path ? `payload.${f.path}` : "payload",
      })),
    });
  }
  const { customerId } = sessionOf(c);
  const { core, config, now } = c.get("deps");
  const digest = operationDigest(operation, parsed.data);
  const { methods, locked } = await core.call("getStepUpRequirements", {
    params: { customerId },
    query: { operation },
    ...requestOf(c),
  });
  let fields: Partial<StepUpChallenge> = {};
  const state: NonNullable<PendingStepUp["state"]> = {};
  let expiresAt = now() + config.stepUp.challengeMs;
  for (const method of bffStepUpMethods) {
    if (!methods.includes(method.name)) {
      fields = { ...fields, ...method.idle };
      continue;
    }
    const started = await method.start(c, { customerId, operation, digest, payload: parsed.data, locked });
    fields = { ...fields, ...started.fields };
    if (started.state) state[method.name] = started.state;
    if (started.expiresAt !== undefined) expiresAt = Math.min(expiresAt, started.expiresAt);
  }
  await writePending(c, { operation, digest, methods, ...(Object.keys(state).length > 0 ? { state } : {}) });
  return c.json({ operation, methods, ...fields, expiresAt: new Date(expiresAt).toISOString() });
});

/** POST /api/step-up/verifications: core checks each method's entry; the BFF grants. */
export const verifyChallenge = factory.createHandlers(requireJson, jsonBody(verifyStepUpRequestSchema), async (c) => {
  const pending = await readPending(c);
  if (!pending) throw new ApiError("step_up_missing", 409);
  const body = c.req.valid("json");
  // Each method's entry, in the field the contract's methods table names for it, as core takes it.
  const entries: Record<string, unknown> = {};
  const onRefused: ((code: string) => Promise<void>)[] = [];
  for (const method of bffStepUpMethods) {
    const field = stepUpMethods[method.name].field;
    const entry: unknown = body[field];
    if (entry === undefined) continue;
    if (!method.toCore) {
      entries[field] = entry;
      continue;
    }
    const prepared = await method.toCore(c, entry, pending.state?.[method.name]);
    entries[field] = prepared.entry;
    if (prepared.onRefused) onRefused.push(prepared.onRefused);
  }
  try {
    await c.get("deps").core.call("verifyStepUp", {
      params: { customerId: sessionOf(c).customerId },
      body: {
        operation: pending.operation,
        digest: pending.digest,
        ...(entries as Partial<z.input<typeof verifyStepUpCoreRequestSchema>>),
        client: clientContext(c),
      },
      ...requestOf(c),
    });
  } catch (err) {
    // Core answered and refused: each method learns why (core unreachable: nothing is undone).
    if (err instanceof CoreError) for (const undo of onRefused) await undo(err.body.error.code);
    throw err;
  }
  await grant(c, pending);
  return c.body(null, 204);
});

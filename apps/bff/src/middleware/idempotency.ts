import { operationDigest } from "@kakunin/contracts/digest";
import { idempotencyKeySchema } from "@kakunin/contracts/step-up";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "../lib/api-error.ts";
import type { AppEnv } from "../lib/types.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Final requests of confirmed operations carry `Idempotency-Key` (R26). The same customer,
 * key and request within a day get the first answer; the operation runs once. The key is
 * stored per customer with the request's fingerprint — method, path and the validated body
 * as canonical JSON (key order and spacing do not matter) — so the same key with another
 * request is refused with 422 `idempotency_key_reused` before its confirmation is used,
 * rather than run as a new operation that core would answer with the earlier result.
 * Goes after the route's `jsonBody` validator.
 */
export const idempotent = createMiddleware<AppEnv, string, { out: { json: unknown } }>(async (c, next) => {
  const key = idempotencyKeySchema.safeParse(c.req.header("idempotency-key"));
  if (!key.success) {
    throw new ApiError("validation_failed", 400, {
      // A message id: the error handler words it in the request's language.
      fields: [{ path: "Idempotency-Key", message: "server.validation.idempotencyKeyRequired" }],
    });
  }
  const session = c.get("session");
  if (!session) throw new Error("requireSession middleware missing");
  const body = c.req.valid("json");
  if (body === undefined) throw new Error("jsonBody validator missing before idempotent");
  const fingerprint = operationDigest(`${c.req.method} ${c.req.path}`, body);
  const storeKey = `${session.data.customerId}:${key.data}`;
  c.set("idempotencyKey", key.data);
  let ran = false;
  const result = await c.get("deps").idempotency.run(storeKey, fingerprint, DAY_MS, async () => {
    ran = true;
    await next();
    return { status: c.res.status, body: await c.res.clone().json() };
  });
  if (!ran) {
    c.header("idempotent-replay", "true");
    c.res = c.json(result.body, result.status as ContentfulStatusCode);
  }
});

import { createHash } from "node:crypto";
import { idempotencyKeySchema } from "@kakunin/contracts/step-up";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "../lib/api-error.ts";
import type { AppEnv } from "../lib/types.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Final requests of confirmed operations carry `Idempotency-Key` (R26). The same customer,
 * key and body within a day get the first answer; the operation runs once.
 */
export const idempotent = createMiddleware<AppEnv>(async (c, next) => {
  const key = idempotencyKeySchema.safeParse(c.req.header("idempotency-key"));
  if (!key.success) {
    throw new ApiError("validation_failed", 400, {
      fields: [{ path: "Idempotency-Key", message: "Idempotency-Key ヘッダーが必要です。" }],
    });
  }
  const session = c.get("session");
  if (!session) throw new Error("requireSession middleware missing");
  const body = createHash("sha256")
    .update(await c.req.text())
    .digest("hex");
  const storeKey = `${session.data.customerId}:${key.data}:${body}`;
  c.set("idempotencyKey", key.data);
  let ran = false;
  const result = await c.get("deps").idempotency.run(storeKey, DAY_MS, async () => {
    ran = true;
    await next();
    return { status: c.res.status, body: await c.res.clone().json() };
  });
  if (!ran) {
    c.header("idempotent-replay", "true");
    c.res = c.json(result.body, result.status as ContentfulStatusCode);
  }
});

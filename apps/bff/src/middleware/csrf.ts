import { createMiddleware } from "hono/factory";
import { ApiError } from "../lib/api-error.ts";
import type { AppEnv } from "../lib/types.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for a JSON API. Hono's csrf() only inspects form submissions, so every
 * state-changing request must (1) carry `X-CSRF: 1`, a header no cross-site form can set
 * and a cross-site fetch cannot send without a CORS preflight we never grant, and
 * (2) come from an allowed origin by `Origin`, or else by `Sec-Fetch-Site: same-origin`.
 */
export function csrfProtection(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    const sameOrigin = origin ? allowed.has(origin) : site === "same-origin";
    if (c.req.header("x-csrf") !== "1" || !sameOrigin) {
      c.get("logger").warn({ origin, site }, "csrf check failed");
      throw new ApiError("csrf_failed", 403);
    }
    await next();
  });
}

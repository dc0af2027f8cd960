import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/types.ts";

/**
 * Page loads from a host the BFF does not serve as (e.g. http://127.0.0.1:8080 when the
 * configured origin is http://localhost:8080) are sent to the first allowed origin, same path
 * and query (issue 17 B4). Otherwise the SPA would load, but every change would fail the
 * CSRF origin check with 「画面を再読み込みしてください」, which reloading does not fix; and
 * WebAuthn, bound to the configured host, would fail too. Only GET and HEAD outside /api
 * are redirected: an API call from the wrong origin keeps its JSON refusal.
 */
export function canonicalOrigin(allowedOrigins: readonly string[], trustProxy: boolean) {
  const hosts = new Set(allowedOrigins.map((origin) => new URL(origin).host));
  const target = allowedOrigins[0] ? new URL(allowedOrigins[0]).origin : null;
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!target || (c.req.method !== "GET" && c.req.method !== "HEAD") || c.req.path.startsWith("/api/")) {
      return next();
    }
    const url = new URL(c.req.url);
    // Behind a proxy the Host header names the proxy's upstream, not what the browser typed.
    const forwarded = trustProxy ? c.req.header("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
    if (hosts.has(forwarded || url.host)) return next();
    // Concatenated, never resolved against the target: a path like //evil.example stays a path.
    return c.redirect(`${target}${url.pathname}${url.search}`, 307);
  });
}

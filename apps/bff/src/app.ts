import { serveStatic } from "@hono/node-server/serve-static";
import { errorBody } from "@kakunin/contracts/error-body";
import { pickErrorExtras } from "@kakunin/contracts/errors";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { timeout } from "hono/timeout";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError } from "./lib/api-error.ts";
import { CoreError } from "./lib/core-client.ts";
import { StoreUnavailableError } from "./lib/store-unavailable.ts";
import type { AppEnv, BffDeps } from "./lib/types.ts";
import { canonicalOrigin } from "./middleware/canonical-origin.ts";
import { csrfProtection } from "./middleware/csrf.ts";
import { detectLocale, localeOf } from "./middleware/locale.ts";
import { localeRoutes } from "./routes/locale/locale.index.ts";
import { marginAccountRoutes } from "./routes/margin-accounts/margin-accounts.index.ts";
import { meRoutes } from "./routes/me/me.index.ts";
import { passkeyRoutes } from "./routes/passkeys/passkeys.index.ts";
import { passwordResetRoutes } from "./routes/password-resets/password-resets.index.ts";
import { registeredInfoRoutes } from "./routes/registered-info/registered-info.index.ts";
import { sessionRoutes } from "./routes/session/session.index.ts";
import { stepUpRoutes } from "./routes/step-up/step-up.index.ts";
import { testSupportRoutes } from "./routes/test-support/test-support.index.ts";
import { tradingRoutes } from "./routes/trading/trading.index.ts";
import { tradingStopRoutes } from "./routes/trading-stop/trading-stop.index.ts";
import { withdrawalRoutes } from "./routes/withdrawals/withdrawals.index.ts";

const API_BODY_LIMIT = 16 * 1024;
const COMPRESS_THRESHOLD = 1024;

/**
 * compress() leaves an answer alone below its threshold only when the answer states its
 * length, and c.json() does not: without this every small answer (a session check, an error)
 * would pay for a compression stream and grow by gzip's header.
 */
const knownJsonLength: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const { res } = c;
  if (
    !res.body ||
    res.headers.has("content-length") ||
    !res.headers.get("content-type")?.startsWith("application/json")
  ) {
    return;
  }
  const body = await res.arrayBuffer();
  c.res = new Response(body, res);
  c.res.headers.set("content-length", String(body.byteLength));
};

/** Builds the BFF; `main.ts` serves it and tests call `app.request()` in-process. */
export function createApp(deps: BffDeps) {
  const app = new Hono<AppEnv>();

  app.use(requestId());
  // Before anything that may answer an error: the language of every error body (R36).
  app.use(detectLocale);
  app.use(async (c, next) => {
    const started = performance.now();
    c.set("deps", deps);
    c.set("logger", deps.logger.child({ requestId: c.get("requestId") }));
    await next();
    c.header("x-request-id", c.get("requestId"));
    c.get("logger").info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      "request",
    );
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: "max-age=63072000; includeSubDomains",
      referrerPolicy: "no-referrer",
      xFrameOptions: "DENY",
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
    }),
  );

  const api = new Hono<AppEnv>();
  api.use(async (c, next) => {
    await next();
    c.header("cache-control", "no-store");
  });
  api.use(timeout(deps.config.requestTimeoutMs, new HTTPException(504)));
  api.use(
    bodyLimit({
      maxSize: API_BODY_LIMIT,
      onError: () => {
        throw new ApiError("payload_too_large", 413);
      },
    }),
  );
  api.use(csrfProtection(deps.config.allowedOrigins));
  // JSON over 1 KiB goes out compressed (issue 16: an order list is tens of kB). BREACH needs a
  // cross-site request that carries the session, and the session cookie is SameSite=Strict.
  api.use(compress({ threshold: COMPRESS_THRESHOLD }), knownJsonLength);
  // Explicit routes are the allowlist of what the browser may reach in core.
  api.route("/", localeRoutes);
  api.route("/", sessionRoutes);
  api.route("/", meRoutes);
  api.route("/", stepUpRoutes);
  api.route("/", registeredInfoRoutes);
  api.route("/", withdrawalRoutes);
  api.route("/", tradingRoutes);
  api.route("/", marginAccountRoutes);
  api.route("/", passkeyRoutes);
  api.route("/", tradingStopRoutes);
  api.route("/", passwordResetRoutes);
  if (deps.config.enableTestApi) api.route("/", testSupportRoutes);
  api.all("*", () => {
    throw new ApiError("not_found", 404);
  });
  app.route("/api", api);

  if (deps.config.webDistDir) {
    const root = deps.config.webDistDir;
    app.use(canonicalOrigin(deps.config.allowedOrigins, deps.config.trustProxy));
    app.use(
      "/assets/*",
      async (c, next) => {
        await next();
        // Vite fingerprints asset names, so they never change under the same URL.
        if (c.res.ok) c.header("cache-control", "public, max-age=31536000, immutable");
      },
      // The build writes .br and .gz copies (vite-plugin-compression2): the one the browser
      // accepts is sent with Content-Encoding and Vary, at no CPU cost per request.
      serveStatic({ root, precompressed: true }),
    );
    app.use(
      serveStatic({ root, index: "", precompressed: true, rewriteRequestPath: (p) => (p === "/" ? "/index.html" : p) }),
    );
    // Client-side routes (/login, /account/...) all load the SPA shell.
    app.get(
      "*",
      async (c, next) => {
        await next();
        c.header("cache-control", "no-cache");
      },
      serveStatic({ root, precompressed: true, rewriteRequestPath: () => "/index.html" }),
    );
  }

  app.notFound((c) => c.json(errorBody("not_found", { requestId: c.get("requestId"), locale: localeOf(c) }), 404));
  app.onError((err, c) => {
    const rid = c.get("requestId");
    const locale = localeOf(c);
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.options.headers ?? {})) c.header(k, v);
      // Field messages may be message ids (e.g. a middleware's); errorBody words them in `locale`.
      return c.json(errorBody(err.code, { requestId: rid, locale, ...pickErrorExtras(err.options) }), err.status);
    }
    if (err instanceof CoreError) {
      // Core's 4xx answers carry contract error codes and their customer-facing wording (e.g.
      // which throttle refused), already in this request's language (sent as Accept-Language);
      // passed on as they are, with this request's id.
      const { code, message } = err.body.error;
      if (err.retryAfterSeconds !== undefined) c.header("retry-after", String(err.retryAfterSeconds));
      return c.json(
        errorBody(code, { requestId: rid, message, locale, ...pickErrorExtras(err.body.error) }),
        err.status as ContentfulStatusCode,
      );
    }
    if (err instanceof StoreUnavailableError) {
      // Shared state (Redis) is down: refuse rather than skip a check; retryable like core down.
      (c.get("logger") ?? deps.logger).error({ err, requestId: rid }, "shared store unavailable");
      return c.json(errorBody("upstream_unavailable", { requestId: rid, locale }), 503);
    }
    if (err instanceof HTTPException && err.status === 504) {
      return c.json(errorBody("request_timeout", { requestId: rid, locale }), 504);
    }
    if (err instanceof HTTPException && err.status < 500) {
      // Hono's own 4xx, e.g. malformed JSON caught by the validator.
      return c.json(errorBody("validation_failed", { requestId: rid, locale }), 400);
    }
    // Details stay in the log; the browser gets a code and the request id to quote.
    (c.get("logger") ?? deps.logger).error({ err, requestId: rid }, "unhandled error");
    return c.json(errorBody("internal_error", { requestId: rid, locale }), 500);
  });
  return app;
}

export type BffApp = ReturnType<typeof createApp>;

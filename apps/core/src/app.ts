import { type OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { CORE_API_VERSION } from "@kakunin/contracts/core-api";
import { errorBody } from "@kakunin/contracts/error-body";
import type { Context } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import type { Db } from "./db/client.ts";
import { createRouter } from "./lib/create-router.ts";
import { AppError, appErrorBody, isDataException } from "./lib/errors.ts";
import { detectLocale, localeOf } from "./lib/locale.ts";
import type { Logger } from "./lib/logger.ts";
import type { CoreServices } from "./lib/types.ts";
import { credentialsRouter } from "./routes/credentials/credentials.index.ts";
import { customersRouter } from "./routes/customers/customers.index.ts";
import { loginThrottlesRouter } from "./routes/login-throttles/login-throttles.index.ts";
import { loginVerificationsRouter } from "./routes/login-verifications/login-verifications.index.ts";
import { mailSettingsRouter } from "./routes/mail-settings/mail-settings.index.ts";
import { marginAccountsOpsRouter, marginAccountsRouter } from "./routes/margin-accounts/margin-accounts.index.ts";
import { opsRouter } from "./routes/ops/ops.index.ts";
import { ordersRouter } from "./routes/orders/orders.index.ts";
import { passkeysOpsRouter, passkeysRouter } from "./routes/passkeys/passkeys.index.ts";
import { passwordResetsRouter } from "./routes/password-resets/password-resets.index.ts";
import { registeredInfoRouter } from "./routes/registered-info/registered-info.index.ts";
import { sessionEventsRouter } from "./routes/session-events/session-events.index.ts";
import { stepUpRouter } from "./routes/step-up/step-up.index.ts";
import { testSupportRouter } from "./routes/test-support/test-support.index.ts";
import { tradingStopOpsRouter, tradingStopRouter } from "./routes/trading-stop/trading-stop.index.ts";
import { withdrawalsRouter } from "./routes/withdrawals/withdrawals.index.ts";

export interface CoreAppDeps {
  db: Db;
  logger: Logger;
  services: CoreServices;
  serviceToken: string;
  opsToken: string;
  enableTestApi: boolean;
}

/** Builds core's HTTP app; `main.ts` serves it and tests call `app.request()` in-process. */
export function createApp(deps: CoreAppDeps) {
  const app = createRouter();

  app.use(requestId());
  // Before anything that may answer an error: the reader's language of every error body.
  app.use(detectLocale);
  app.use(async (c, next) => {
    const started = performance.now();
    c.set("db", deps.db);
    c.set("services", deps.services);
    c.set("logger", deps.logger.child({ requestId: c.get("requestId") }));
    await next();
    c.get("logger").info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      "request",
    );
  });
  if (deps.enableTestApi) {
    // QA's per-customer times live in the database so that every core instance behind a load
    // balancer sees them (issue 18); loaded before each request, as `clock.now()` is synchronous.
    app.use(async (_c, next) => {
      await deps.services.clock.refresh?.(deps.db);
      await next();
    });
  }
  app.use(
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => c.json(errorBody("payload_too_large", { locale: localeOf(c) }), 413),
    }),
  );

  app.openAPIRegistry.registerComponent("securitySchemes", "service", { type: "http", scheme: "bearer" });
  app.openAPIRegistry.registerComponent("securitySchemes", "operator", { type: "http", scheme: "bearer" });
  app.get("/health", (c) => c.json({ status: "ok" }));
  // The service contract (/v1) is public documentation; the operator and test routes are
  // documented only behind the operator credential (/ops/openapi.json below), so an
  // unauthenticated caller does not learn what an operator can do.
  let serviceDocument: OpenAPIObject | undefined;
  app.get("/openapi.json", (c) => {
    serviceDocument ??= openApiDocument(app.openAPIRegistry.definitions.filter(isServiceDefinition), {
      title: "kakunin core services",
      description: "The contract a broker's systems implement for the kakunin BFF.",
    });
    return c.json(serviceDocument);
  });

  // Only the BFF may call core: a shared service credential, compared in constant time.
  const unauthenticated = (c: Context) =>
    c.json(errorBody("unauthenticated", { requestId: c.get("requestId"), locale: localeOf(c) }), 401);
  const bearer = (token: string) =>
    bearerAuth({
      token,
      noAuthenticationHeader: { message: unauthenticated },
      invalidAuthenticationHeader: { message: unauthenticated },
      invalidToken: { message: unauthenticated },
    });
  const auth = bearer(deps.serviceToken);
  app.use("/v1/*", auth);
  app.route("/", loginVerificationsRouter);
  app.route("/", loginThrottlesRouter);
  app.route("/", customersRouter);
  app.route("/", credentialsRouter);
  app.route("/", stepUpRouter);
  app.route("/", registeredInfoRouter);
  app.route("/", mailSettingsRouter);
  app.route("/", withdrawalsRouter);
  app.route("/", ordersRouter);
  app.route("/", marginAccountsRouter);
  app.route("/", passkeysRouter);
  app.route("/", tradingStopRouter);
  app.route("/", sessionEventsRouter);
  app.route("/", passwordResetsRouter);
  // Operators use their own credential: the BFF's cannot unlock accounts.
  app.use("/ops/*", bearer(deps.opsToken));
  app.route("/", opsRouter);
  app.route("/", marginAccountsOpsRouter);
  app.route("/", passkeysOpsRouter);
  app.route("/", tradingStopOpsRouter);
  if (deps.enableTestApi) {
    app.use("/test/*", auth);
    app.route("/", testSupportRouter);
  }
  let operatorDocument: OpenAPIObject | undefined;
  app.get("/ops/openapi.json", (c) => {
    operatorDocument ??= openApiDocument(app.openAPIRegistry.definitions, {
      title: "kakunin core services: operator",
      description: "Every route of this core: the service contract, the operator API and, where enabled, the test API.",
    });
    return c.json(operatorDocument);
  });

  app.notFound((c) => c.json(errorBody("not_found", { requestId: c.get("requestId"), locale: localeOf(c) }), 404));
  app.onError((err, c) => {
    const rid = c.get("requestId");
    const locale = localeOf(c);
    if (err instanceof AppError) {
      const { retryAfterSeconds } = err.extra;
      if (retryAfterSeconds !== undefined) c.header("retry-after", String(retryAfterSeconds));
      // Domain code does not know the reader: its message and field messages may be message ids.
      return c.json(appErrorBody(err, locale, rid), err.status);
    }
    // Middleware that already built its JSON answer (e.g. bearerAuth above).
    if (err instanceof HTTPException && err.res) return err.getResponse();
    if (err instanceof HTTPException && err.status < 500) {
      // e.g. malformed JSON or a wrong content type caught by Hono's validator.
      const code = err.status === 415 ? "unsupported_media_type" : "validation_failed";
      return c.json(errorBody(code, { requestId: rid, locale }), err.status === 415 ? 415 : 400);
    }
    if (isDataException(err)) {
      // Input the contract let through but PostgreSQL refuses: the request's fault, and the
      // transaction rolled back, so 400 (never a 5xx the BFF would call "retry later"). The
      // shared schemas should have refused it: logged as a gap to close there.
      deps.logger.warn({ err, requestId: rid }, "database refused a value the contract allowed");
      return c.json(errorBody("validation_failed", { requestId: rid, locale }), 400);
    }
    deps.logger.error({ err, requestId: rid }, "unhandled error");
    return c.json(errorBody("internal_error", { requestId: rid, locale }), 500);
  });
  return app;
}

export type CoreApp = ReturnType<typeof createApp>;

type OpenAPIDefinitions = OpenAPIRegistry["definitions"][number];
type OpenAPIObject = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

/** A route of the service contract, or a component other than the operator's security scheme. */
function isServiceDefinition(def: OpenAPIDefinitions): boolean {
  if (def.type === "route") return def.route.path.startsWith("/v1/");
  return !(def.type === "component" && def.componentType === "securitySchemes" && def.name === "operator");
}

/** An OpenAPI 3.1 document of some of the registry's definitions (schemas follow the routes that use them). */
function openApiDocument(definitions: OpenAPIDefinitions[], info: { title: string; description: string }) {
  return new OpenApiGeneratorV31(definitions).generateDocument({
    openapi: "3.1.0",
    info: { ...info, version: CORE_API_VERSION },
    security: [{ service: [] }],
  });
}

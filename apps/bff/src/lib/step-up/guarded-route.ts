import { type OperationPayload, operationDefinitions, type StepUpOperation } from "@kakunin/contracts/operations";
import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { z } from "zod";
import { idempotent } from "../../middleware/idempotency.ts";
import { ApiError } from "../api-error.ts";
import type { AppEnv } from "../types.ts";
import { jsonBody, requireJson } from "../validate.ts";
import { requireStepUp } from "./step-up.ts";

/**
 * A guarded route's handler: the body is the operation's payload (or the route's own `body`
 * schema), validated and normalised.
 */
export type GuardedContext<O extends StepUpOperation, B = OperationPayload<O>> = Context<
  AppEnv,
  string,
  { in: { json: unknown }; out: { json: B } }
>;

/**
 * Runs `handlers` in order as one handler, as Hono runs a route's handlers (the one a
 * handler answers with becomes the response, and is what the ones before see after `next`).
 */
function inOrder(handlers: MiddlewareHandler<AppEnv>[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const dispatch = async (i: number): Promise<void> => {
      const handler = handlers[i];
      if (!handler) return next();
      const res = await handler(c, () => dispatch(i + 1));
      if (res && !c.finalized) c.res = res;
    };
    await dispatch(0);
  };
}

/**
 * The handler of a route guarded by `operation`, assembled from its definition (R6, R26):
 * a `once` operation takes a JSON body valid against the operation's payload schema, an
 * Idempotency-Key, and a once-grant for exactly that body; a `window` operation needs its
 * viewing grant. `before` runs after the body is validated and before the grant is used up
 * (e.g. a path parameter that must agree with the body). `body` validates a request that
 * carries more than the confirmed payload (a passkey's registration response, made after
 * the confirmation): the grant's digest still covers only the payload schema's part of it.
 * Register it with `.post(path, ...guardedRoute(…))`.
 */
export function guardedRoute<O extends StepUpOperation, B = OperationPayload<O>>(
  operation: O,
  handler: (c: GuardedContext<O, B>) => Promise<Response>,
  options: { before?: MiddlewareHandler<AppEnv>[]; body?: z.ZodType<B> } = {},
): [MiddlewareHandler<AppEnv>] {
  const definition = operationDefinitions[operation];
  const run = handler as unknown as MiddlewareHandler<AppEnv>;
  if (definition.grant === "window") return [inOrder([requireStepUp(operation), run])];
  return [
    inOrder([
      requireJson,
      jsonBody(options.body ?? definition.payload) as MiddlewareHandler<AppEnv>,
      ...(options.before ?? []),
      idempotent as MiddlewareHandler<AppEnv>,
      requireStepUp(operation),
      run,
    ]),
  ];
}

/**
 * A `before` step for a guarded route whose path names what the body confirms (an order, a
 * passkey): the two must agree, checked before the confirmation is used up.
 */
export function pathMatchesBody(name: string, messageId: string): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    const body: unknown = await c.req.json();
    if (c.req.param(name) !== (body as Record<string, unknown>)[name]) {
      // The error handler words the message id in the request's language.
      throw new ApiError("validation_failed", 400, { fields: [{ path: name, message: messageId }] });
    }
    await next();
  });
}

import type { RouteHandler } from "@hono/zod-openapi";
import {
  completePasswordReset as complete,
  startPasswordReset as start,
} from "../../domain/credentials/password-reset.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { completePasswordReset, startPasswordReset } from "./password-resets.routes.ts";

export const startPasswordResetHandler: RouteHandler<typeof startPasswordReset, AppBindings> = async (c) => {
  const { client, ...request } = c.req.valid("json");
  const reset = await start(c.get("db"), c.get("services"), { request, client, requestId: c.get("requestId") });
  return c.json({ reset: reset ? { id: reset.id, expiresAt: reset.expiresAt.toISOString() } : null }, 200);
};

export const completePasswordResetHandler: RouteHandler<typeof completePasswordReset, AppBindings> = async (c) => {
  const { resetId, request, client } = c.req.valid("json");
  const { customerId, changedAt } = await complete(c.get("db"), c.get("services"), {
    resetId,
    request,
    client,
    requestId: c.get("requestId"),
  });
  return c.json({ customerId, changedAt: changedAt.toISOString() }, 200);
};

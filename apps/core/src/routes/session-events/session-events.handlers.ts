import type { RouteHandler } from "@hono/zod-openapi";
import { recordSessionEvent } from "../../domain/session-events.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { recordSessionEvent as recordSessionEventRoute } from "./session-events.routes.ts";

export const recordSessionEventHandler: RouteHandler<typeof recordSessionEventRoute, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  await recordSessionEvent(c.get("db"), customerId, c.req.valid("json"), c.get("requestId"));
  return c.json({ recorded: true as const }, 200);
};

import { createFactory } from "hono/factory";
import type { AppEnv } from "../../lib/types.ts";
import { sessionOf } from "./session-of.ts";

const factory = createFactory<AppEnv>();

export const getNotices = factory.createHandlers(async (c) => {
  const { customerId } = sessionOf(c);
  return c.json(await c.get("deps").core.listNotices(customerId, { requestId: c.get("requestId") }));
});

export const getLoginHistory = factory.createHandlers(async (c) => {
  const { customerId } = sessionOf(c);
  return c.json(await c.get("deps").core.getLoginHistory(customerId, { requestId: c.get("requestId") }));
});

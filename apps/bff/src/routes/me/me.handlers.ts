import { createFactory } from "hono/factory";
import { customerCall } from "../../lib/core-context.ts";
import type { AppEnv } from "../../lib/types.ts";

const factory = createFactory<AppEnv>();

export const getNotices = factory.createHandlers(async (c) => {
  return c.json(await c.get("deps").core.call("listNotices", customerCall(c)));
});

export const getLoginHistory = factory.createHandlers(async (c) => {
  return c.json(await c.get("deps").core.call("getLoginHistory", customerCall(c)));
});

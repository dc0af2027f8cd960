import { createFactory } from "hono/factory";
import type { AppEnv } from "../../lib/types.ts";

const factory = createFactory<AppEnv>();

function sessionOf(c: { get(key: "session"): AppEnv["Variables"]["session"] }) {
  const session = c.get("session");
  // requireSession runs before every /me route; reaching here without one is a wiring bug.
  if (!session) throw new Error("requireSession middleware missing");
  return session.data;
}

export const getNotices = factory.createHandlers(async (c) => {
  const { customerId } = sessionOf(c);
  return c.json(await c.get("deps").core.listNotices(customerId, { requestId: c.get("requestId") }));
});

export const getLoginHistory = factory.createHandlers(async (c) => {
  const { customerId } = sessionOf(c);
  return c.json(await c.get("deps").core.getLoginHistory(customerId, { requestId: c.get("requestId") }));
});

import { tradingStopRequestSchema } from "@kakunin/contracts/trading-stop";
import { createFactory } from "hono/factory";
import { clientContext } from "../../lib/client-context.ts";
import { customerCall } from "../../lib/core-context.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { sessionOf } from "../me/session-of.ts";

const factory = createFactory<AppEnv>();

/** GET /api/me/trading-stop: whether trading is stopped (会員トップ's alert) and the number to call. */
export const getTradingStop = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.call("getTradingStop", customerCall(c))),
);

/**
 * POST /api/me/trading-stop: 取引停止 (R33). One confirmation and no password: stopping must
 * be easy, and whoever stops the account harms nothing. Core is the authority (idempotent);
 * once it has stopped, every other session of the customer ends, so an attacker signed in
 * elsewhere is out at once; this one stays, to show the result.
 */
export const stopTrading = factory.createHandlers(requireJson, jsonBody(tradingStopRequestSchema), async (c) => {
  c.req.valid("json");
  const { core, sessions } = c.get("deps");
  const state = await core.call("stopTrading", { ...customerCall(c), body: { client: clientContext(c) } });
  const session = c.get("session");
  if (session) await sessions.deleteOthers(sessionOf(c).customerId, session.id);
  return c.json(state);
});

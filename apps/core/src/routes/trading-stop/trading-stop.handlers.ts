import type { RouteHandler } from "@hono/zod-openapi";
import { resumeTradingByCode, stopTrading as stop, tradingStopOf } from "../../domain/trading-stop.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { getTradingStop, resumeTrading, stopTrading } from "./trading-stop.routes.ts";

export const getTradingStopHandler: RouteHandler<typeof getTradingStop, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json(await tradingStopOf(c.get("db"), c.get("services"), customerId), 200);
};

export const stopTradingHandler: RouteHandler<typeof stopTrading, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { client } = c.req.valid("json");
  const state = await stop(c.get("db"), c.get("services"), { customerId, client, requestId: c.get("requestId") });
  return c.json(state, 200);
};

export const resumeTradingHandler: RouteHandler<typeof resumeTrading, AppBindings> = async (c) => {
  const { customerCode } = c.req.valid("param");
  await resumeTradingByCode(c.get("db"), c.get("services"), customerCode, c.req.valid("json"));
  return c.json({ customerCode, done: "resumed" }, 200);
};

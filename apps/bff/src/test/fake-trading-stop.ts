import { coreRoutes } from "@kakunin/contracts/core-api";
import { errorBody } from "@kakunin/contracts/error-body";
import { stopTradingCoreRequestSchema, type TradingStop } from "@kakunin/contracts/trading-stop";
import type { Hono } from "hono";

const toHono = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

/** Core's 取引停止 (R33) as the fake core answers it: stopped customers by id, and the stop calls. */
export function installFakeTradingStop(app: Hono, customers: readonly { id: string }[]) {
  const stoppedAt = new Map<string, string>();
  const stopCalls: { customerId: string; client: unknown }[] = [];
  const view = (id: string): TradingStop => ({
    stopped: stoppedAt.has(id),
    stoppedAt: stoppedAt.get(id) ?? null,
    supportPhone: "0120-000-000",
  });
  const known = (id: string) => customers.some((c) => c.id === id);
  app.get(toHono(coreRoutes.getTradingStop.path), (c) => {
    const id = c.req.param("customerId") ?? "";
    return known(id) ? c.json(view(id)) : c.json(errorBody("not_found"), 404);
  });
  app.post(toHono(coreRoutes.stopTrading.path), async (c) => {
    const id = c.req.param("customerId") ?? "";
    const { client } = stopTradingCoreRequestSchema.parse(await c.req.json());
    if (!known(id)) return c.json(errorBody("not_found"), 404);
    stopCalls.push({ customerId: id, client });
    if (!stoppedAt.has(id)) stoppedAt.set(id, "2026-11-25T00:00:00.000Z");
    return c.json(view(id));
  });
  return { stoppedAt, stopCalls };
}

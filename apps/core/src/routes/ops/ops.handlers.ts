import type { RouteHandler } from "@hono/zod-openapi";
import { expireOrders as expire, runNav as nav, setPrice as set, marketTick as tick } from "../../domain/market-ops.ts";
import {
  decideBankAccountChangeByCode,
  listAuditEvents as listEvents,
  reissueInitialExecutionPassword as reissue,
  unlockCustomer,
} from "../../domain/operations.ts";
import type { AppBindings } from "../../lib/types.ts";
import { listStuckMail as listStuck, retryMail as retry } from "../../mail/operations.ts";
// One namespace: each handler names its route as `routes.x`, so the route list is kept in ops.index.ts only.
import type * as routes from "./ops.routes.ts";

export const unlockHandler: RouteHandler<typeof routes.unlock, AppBindings> = async (c) => {
  const { customerCode } = c.req.valid("param");
  const done = await unlockCustomer(c.get("db"), c.get("services"), customerCode, c.req.valid("json"));
  return c.json({ customerCode, done }, 200);
};

export const reissueHandler: RouteHandler<typeof routes.reissueInitialExecutionPassword, AppBindings> = async (c) => {
  const { customerCode } = c.req.valid("param");
  await reissue(c.get("db"), c.get("services"), customerCode, c.req.valid("json"));
  return c.json({ customerCode, done: "reissued" }, 200);
};

export const approveBankAccountChangeHandler: RouteHandler<
  typeof routes.approveBankAccountChange,
  AppBindings
> = async (c) => {
  const { customerCode } = c.req.valid("param");
  await decideBankAccountChangeByCode(c.get("db"), c.get("services"), customerCode, "approve", c.req.valid("json"));
  return c.json({ customerCode, done: "approved" }, 200);
};

export const rejectBankAccountChangeHandler: RouteHandler<typeof routes.rejectBankAccountChange, AppBindings> = async (
  c,
) => {
  const { customerCode } = c.req.valid("param");
  await decideBankAccountChangeByCode(c.get("db"), c.get("services"), customerCode, "reject", c.req.valid("json"));
  return c.json({ customerCode, done: "rejected" }, 200);
};

export const listAuditEventsHandler: RouteHandler<typeof routes.listAuditEvents, AppBindings> = async (c) => {
  const { customerCode } = c.req.valid("param");
  const { limit } = c.req.valid("query");
  return c.json({ events: await listEvents(c.get("db"), customerCode, limit) }, 200);
};

export const listStuckMailHandler: RouteHandler<typeof routes.listStuckMail, AppBindings> = async (c) =>
  c.json({ messages: await listStuck(c.get("db")) }, 200);

export const retryMailHandler: RouteHandler<typeof routes.retryMail, AppBindings> = async (c) => {
  const { id } = c.req.valid("param");
  await retry(c.get("db"), id);
  return c.json({ id, done: "queued" as const }, 200);
};

export const setPriceHandler: RouteHandler<typeof routes.setPrice, AppBindings> = async (c) => {
  const { code } = c.req.valid("param");
  return c.json(await set(c.get("db"), c.get("services"), code, c.req.valid("json")), 200);
};

export const runNavHandler: RouteHandler<typeof routes.runNav, AppBindings> = async (c) =>
  c.json(await nav(c.get("db"), c.get("services"), c.req.valid("json")), 200);

export const expireOrdersHandler: RouteHandler<typeof routes.expireOrders, AppBindings> = async (c) =>
  c.json(await expire(c.get("db"), c.get("services"), c.req.valid("json")), 200);

export const marketTickHandler: RouteHandler<typeof routes.marketTick, AppBindings> = async (c) => {
  c.req.valid("json");
  return c.json(await tick(c.get("db"), c.get("services")), 200);
};

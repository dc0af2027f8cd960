import type { RouteHandler } from "@hono/zod-openapi";
import { applyMarginAccount as apply, decideMarginAccountByCode } from "../../domain/margin-accounts.ts";
import type { AppBindings } from "../../lib/types.ts";
import type { applyMarginAccount, approveMarginAccount, rejectMarginAccount } from "./margin-accounts.routes.ts";

export const applyMarginAccountHandler: RouteHandler<typeof applyMarginAccount, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { change: application, client } = c.req.valid("json");
  const view = await apply(c.get("db"), c.get("services"), {
    customerId,
    application,
    client,
    requestId: c.get("requestId"),
  });
  return c.json(view, 201);
};

export const approveMarginAccountHandler: RouteHandler<typeof approveMarginAccount, AppBindings> = async (c) => {
  const { customerCode } = c.req.valid("param");
  await decideMarginAccountByCode(c.get("db"), c.get("services"), customerCode, "approve", c.req.valid("json"));
  return c.json({ customerCode, done: "approved" }, 200);
};

export const rejectMarginAccountHandler: RouteHandler<typeof rejectMarginAccount, AppBindings> = async (c) => {
  const { customerCode } = c.req.valid("param");
  await decideMarginAccountByCode(c.get("db"), c.get("services"), customerCode, "reject", c.req.valid("json"));
  return c.json({ customerCode, done: "rejected" }, 200);
};

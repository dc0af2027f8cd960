import type { RouteHandler } from "@hono/zod-openapi";
import {
  checkBankAccountChange as checkChange,
  requestBankAccountChange as requestChange,
} from "../../domain/bank-accounts.ts";
import { createWithdrawal as create, listWithdrawals as list, withdrawalOverview } from "../../domain/withdrawals.ts";
import type { AppBindings } from "../../lib/types.ts";
import type {
  checkBankAccountChange,
  createWithdrawal,
  getWithdrawalOverview,
  listWithdrawals,
  requestBankAccountChange,
} from "./withdrawals.routes.ts";

export const getWithdrawalOverviewHandler: RouteHandler<typeof getWithdrawalOverview, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json(await withdrawalOverview(c.get("db"), customerId), 200);
};

export const createWithdrawalHandler: RouteHandler<typeof createWithdrawal, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { request, requestKey, client } = c.req.valid("json");
  const { withdrawal, created } = await create(c.get("db"), c.get("services"), {
    customerId,
    request,
    requestKey,
    client,
    requestId: c.get("requestId"),
  });
  return created ? c.json(withdrawal, 201) : c.json(withdrawal, 200);
};

export const listWithdrawalsHandler: RouteHandler<typeof listWithdrawals, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  return c.json(await list(c.get("db"), customerId, c.req.valid("query")), 200);
};

export const requestBankAccountChangeHandler: RouteHandler<typeof requestBankAccountChange, AppBindings> = async (
  c,
) => {
  const { customerId } = c.req.valid("param");
  const { change, client } = c.req.valid("json");
  const result = await requestChange(c.get("db"), c.get("services"), {
    customerId,
    change,
    client,
    requestId: c.get("requestId"),
  });
  return result.created ? c.json(result.change, 201) : c.json(result.change, 200);
};

/** 本人名義 (R39) before the confirmation: the BFF asks this, so a refusal comes before the step-up. */
export const checkBankAccountChangeHandler: RouteHandler<typeof checkBankAccountChange, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { change, client } = c.req.valid("json");
  await checkChange(c.get("db"), { customerId, change, client, requestId: c.get("requestId") });
  return c.json({ ok: true as const }, 200);
};

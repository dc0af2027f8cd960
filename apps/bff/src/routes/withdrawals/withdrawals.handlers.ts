import type { BankAccountChange } from "@kakunin/contracts/withdrawals";
import type { MiddlewareHandler } from "hono";
import { createFactory, createMiddleware } from "hono/factory";
import { clientContext } from "../../lib/client-context.ts";
import { customerCall, requestKeyOf } from "../../lib/core-context.ts";
import { guardedRoute } from "../../lib/step-up/guarded-route.ts";
import type { AppEnv } from "../../lib/types.ts";

const factory = createFactory<AppEnv>();

/** GET /api/me/withdrawals/overview: 出金可能額 and the destination, shown on the input screen. */
export const getOverview = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.call("getWithdrawalOverview", customerCall(c))),
);

export const listWithdrawals = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.call("listWithdrawals", customerCall(c))),
);

/**
 * POST /api/me/withdrawals: 出金申込 (R12). Needs a once-grant for exactly this amount and
 * destination; the Idempotency-Key also goes to core, so even a retry after a lost
 * answer creates one withdrawal.
 */
export const createWithdrawal = guardedRoute("withdrawal", async (c) =>
  c.json(
    await c.get("deps").core.call("createWithdrawal", {
      ...customerCall(c),
      body: { request: c.req.valid("json"), requestKey: requestKeyOf(c), client: clientContext(c) },
    }),
  ),
);

/**
 * 本人名義 (R39) before the confirmation: core (the authority on the registered name) checks
 * the change, storing nothing, so a third party's 口座名義 is refused on the form's field
 * before the customer types a password. Core checks again when the change is requested.
 */
const checkHolderName = createMiddleware<AppEnv, string, { in: { json: unknown }; out: { json: BankAccountChange } }>(
  async (c, next) => {
    await c.get("deps").core.call("checkBankAccountChange", {
      ...customerCall(c),
      body: { change: c.req.valid("json"), client: clientContext(c) },
    });
    await next();
  },
) as MiddlewareHandler<AppEnv>;

/** POST /api/me/bank-account-changes: 出金先口座変更の申請 (R14), applied by an operator. */
export const requestBankAccountChange = guardedRoute(
  "change_bank_account",
  async (c) =>
    c.json(
      await c.get("deps").core.call("requestBankAccountChange", {
        ...customerCall(c),
        body: { change: c.req.valid("json"), client: clientContext(c) },
      }),
    ),
  { before: [checkHolderName] },
);

import { withdrawalPageQuerySchema } from "@kakunin/contracts/pagination";
import { bankAccountChangeSchema } from "@kakunin/contracts/withdrawals";
import { createFactory } from "hono/factory";
import { clientContext } from "../../lib/client-context.ts";
import { customerCall, requestKeyOf } from "../../lib/core-context.ts";
import { guardedRoute } from "../../lib/step-up/guarded-route.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, pageQuery, requireJson } from "../../lib/validate.ts";

const factory = createFactory<AppEnv>();

/** GET /api/me/withdrawals/overview: 出金可能額 and the destination, shown on the input screen. */
export const getOverview = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.call("getWithdrawalOverview", customerCall(c))),
);

/** GET /api/me/withdrawals?cursor=: 出金申込履歴, a page at a time (issue 16). */
export const listWithdrawals = factory.createHandlers(pageQuery(withdrawalPageQuerySchema), async (c) =>
  c.json(await c.get("deps").core.call("listWithdrawals", { ...customerCall(c), query: c.req.valid("query") })),
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
 * POST /api/me/bank-account-change-checks: 本人名義 (R39) before the confirmation. The form
 * asks core (the authority on the registered name) whether the change may be confirmed, so
 * a third party's 口座名義 is refused on its field before the customer types a password.
 * Nothing is stored; core checks again when the change is requested.
 */
export const checkBankAccountChange = factory.createHandlers(
  requireJson,
  jsonBody(bankAccountChangeSchema),
  async (c) =>
    c.json(
      await c.get("deps").core.call("checkBankAccountChange", {
        ...customerCall(c),
        body: { change: c.req.valid("json"), client: clientContext(c) },
      }),
    ),
);

/** POST /api/me/bank-account-changes: 出金先口座変更の申請 (R14), applied by an operator. */
export const requestBankAccountChange = guardedRoute("change_bank_account", async (c) =>
  c.json(
    await c.get("deps").core.call("requestBankAccountChange", {
      ...customerCall(c),
      body: { change: c.req.valid("json"), client: clientContext(c) },
    }),
  ),
);

import { bankAccountChangeSchema, withdrawalRequestSchema } from "@kakunin/contracts/withdrawals";
import { createFactory } from "hono/factory";
import { clientContext } from "../../lib/client-context.ts";
import { requireStepUp } from "../../lib/step-up/step-up.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { sessionOf } from "../me/session-of.ts";

const factory = createFactory<AppEnv>();
const opts = (c: { get(key: "requestId"): string }) => ({ requestId: c.get("requestId") });

/** GET /api/me/withdrawals/overview: 出金可能額 and the destination, shown on the input screen. */
export const getOverview = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.getWithdrawalOverview(sessionOf(c).customerId, opts(c))),
);

export const listWithdrawals = factory.createHandlers(async (c) =>
  c.json(await c.get("deps").core.listWithdrawals(sessionOf(c).customerId, opts(c))),
);

/**
 * POST /api/me/withdrawals: 出金申込 (R12). Needs a once-grant for exactly this amount and
 * destination; the Idempotency-Key also goes to core, so even a retry after a lost
 * answer creates one withdrawal.
 */
export const createWithdrawal = factory.createHandlers(
  requireJson,
  jsonBody(withdrawalRequestSchema),
  idempotent,
  requireStepUp("withdrawal"),
  async (c) => {
    const requestKey = c.get("idempotencyKey");
    if (!requestKey) throw new Error("idempotent middleware missing");
    const result = await c
      .get("deps")
      .core.createWithdrawal(
        sessionOf(c).customerId,
        { request: c.req.valid("json"), requestKey, client: clientContext(c) },
        opts(c),
      );
    return c.json(result);
  },
);

/** POST /api/me/bank-account-changes: 出金先口座変更の申請 (R14), applied by an operator. */
export const requestBankAccountChange = factory.createHandlers(
  requireJson,
  jsonBody(bankAccountChangeSchema),
  idempotent,
  requireStepUp("change_bank_account"),
  async (c) =>
    c.json(
      await c
        .get("deps")
        .core.requestBankAccountChange(
          sessionOf(c).customerId,
          { change: c.req.valid("json"), client: clientContext(c) },
          opts(c),
        ),
    ),
);

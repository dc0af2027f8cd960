import { clientContext } from "../../lib/client-context.ts";
import { customerCall } from "../../lib/core-context.ts";
import { guardedRoute } from "../../lib/step-up/guarded-route.ts";

/**
 * POST /api/me/margin-account-applications: 信用取引口座開設の申込 (R41), confirmed with the
 * 執行パスワード for exactly these answers; core makes the account 審査中 and mails the receipt.
 */
export const applyMarginAccount = guardedRoute("apply_margin_account", async (c) =>
  c.json(
    await c.get("deps").core.call("applyMarginAccount", {
      ...customerCall(c),
      body: { change: c.req.valid("json"), client: clientContext(c) },
    }),
  ),
);

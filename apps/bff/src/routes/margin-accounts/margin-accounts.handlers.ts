import { marginAccountApplicationSchema } from "@kakunin/contracts/margin-accounts";
import { createFactory } from "hono/factory";
import { clientContext } from "../../lib/client-context.ts";
import { requireStepUp } from "../../lib/step-up/step-up.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { sessionOf } from "../me/session-of.ts";

const factory = createFactory<AppEnv>();

/**
 * POST /api/me/margin-account-applications: 信用取引口座開設の申込 (R41), confirmed with the
 * 執行パスワード for exactly these answers; core makes the account 審査中 and mails the receipt.
 */
export const applyMarginAccount = factory.createHandlers(
  requireJson,
  jsonBody(marginAccountApplicationSchema),
  idempotent,
  requireStepUp("apply_margin_account"),
  async (c) =>
    c.json(
      await c
        .get("deps")
        .core.applyMarginAccount(
          sessionOf(c).customerId,
          { application: c.req.valid("json"), client: clientContext(c) },
          { requestId: c.get("requestId") },
        ),
    ),
);

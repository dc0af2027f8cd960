import { mailSettingChangeSchema } from "@kakunin/contracts/mail";
import { emailChangeSchema, profileChangeSchema } from "@kakunin/contracts/registered-info";
import { createFactory } from "hono/factory";
import { clientContext } from "../../lib/client-context.ts";
import { requireStepUp } from "../../lib/step-up/step-up.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { sessionOf } from "../me/session-of.ts";

const factory = createFactory<AppEnv>();
/** Every registered-information screen sits behind one viewing window (R20, R21). */
const viewing = requireStepUp("view_registered_info");
const opts = (c: { get(key: "requestId"): string }) => ({ requestId: c.get("requestId") });

export const getProfile = factory.createHandlers(viewing, async (c) =>
  c.json(await c.get("deps").core.getProfile(sessionOf(c).customerId, opts(c))),
);

export const getAccountOpenings = factory.createHandlers(viewing, async (c) =>
  c.json(await c.get("deps").core.listAccountOpenings(sessionOf(c).customerId, opts(c))),
);

export const getEmails = factory.createHandlers(viewing, async (c) =>
  c.json(await c.get("deps").core.getEmails(sessionOf(c).customerId, opts(c))),
);

export const getMailSettings = factory.createHandlers(viewing, async (c) =>
  c.json(await c.get("deps").core.getMailSettings(sessionOf(c).customerId, opts(c))),
);

/** PUT /api/me/profile: runs only with a once-grant for exactly this change. */
export const changeProfile = factory.createHandlers(
  requireJson,
  jsonBody(profileChangeSchema),
  idempotent,
  requireStepUp("change_profile"),
  async (c) => {
    const change = c.req.valid("json");
    return c.json(
      await c.get("deps").core.changeProfile(sessionOf(c).customerId, { change, client: clientContext(c) }, opts(c)),
    );
  },
);

/** PUT /api/me/emails: runs only with a once-grant for exactly this change. */
export const changeEmail = factory.createHandlers(
  requireJson,
  jsonBody(emailChangeSchema),
  idempotent,
  requireStepUp("change_email"),
  async (c) => {
    const change = c.req.valid("json");
    return c.json(
      await c.get("deps").core.changeEmail(sessionOf(c).customerId, { change, client: clientContext(c) }, opts(c)),
    );
  },
);

/** PUT /api/me/mail-settings: メールサービス配信設定の変更 (R24), confirmed with the 執行パスワード. */
export const changeMailSetting = factory.createHandlers(
  requireJson,
  jsonBody(mailSettingChangeSchema),
  idempotent,
  requireStepUp("change_mail_settings"),
  async (c) => {
    const change = c.req.valid("json");
    return c.json(
      await c
        .get("deps")
        .core.changeMailSetting(sessionOf(c).customerId, { change, client: clientContext(c) }, opts(c)),
    );
  },
);

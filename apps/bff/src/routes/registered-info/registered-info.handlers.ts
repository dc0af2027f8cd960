import { clientContext } from "../../lib/client-context.ts";
import { customerCall } from "../../lib/core-context.ts";
import { guardedRoute } from "../../lib/step-up/guarded-route.ts";

/** Every registered-information screen sits behind one viewing window (R20, R21). */
export const getProfile = guardedRoute("view_registered_info", async (c) =>
  c.json(await c.get("deps").core.call("getProfile", customerCall(c))),
);

export const getAccountOpenings = guardedRoute("view_registered_info", async (c) =>
  c.json(await c.get("deps").core.call("listAccountOpenings", customerCall(c))),
);

export const getEmails = guardedRoute("view_registered_info", async (c) =>
  c.json(await c.get("deps").core.call("getEmails", customerCall(c))),
);

export const getMailSettings = guardedRoute("view_registered_info", async (c) =>
  c.json(await c.get("deps").core.call("getMailSettings", customerCall(c))),
);

/** PUT /api/me/profile: runs only with a once-grant for exactly this change. */
export const changeProfile = guardedRoute("change_profile", async (c) =>
  c.json(
    await c.get("deps").core.call("changeProfile", {
      ...customerCall(c),
      body: { change: c.req.valid("json"), client: clientContext(c) },
    }),
  ),
);

/** PUT /api/me/emails: runs only with a once-grant for exactly this change. */
export const changeEmail = guardedRoute("change_email", async (c) =>
  c.json(
    await c.get("deps").core.call("changeEmail", {
      ...customerCall(c),
      body: { change: c.req.valid("json"), client: clientContext(c) },
    }),
  ),
);

/** PUT /api/me/mail-settings: メールサービス配信設定の変更 (R24), confirmed with the 執行パスワード. */
export const changeMailSetting = guardedRoute("change_mail_settings", async (c) =>
  c.json(
    await c.get("deps").core.call("changeMailSetting", {
      ...customerCall(c),
      body: { change: c.req.valid("json"), client: clientContext(c) },
    }),
  ),
);

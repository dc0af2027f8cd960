import { localeBodySchema } from "@kakunin/contracts/locale";
import { createFactory } from "hono/factory";
import { requestOf } from "../../lib/core-context.ts";
import type { AppEnv } from "../../lib/types.ts";
import { jsonBody, requireJson } from "../../lib/validate.ts";
import { localeOf, setLocaleCookie } from "../../middleware/locale.ts";
import { lookupSession, touchSession } from "../../middleware/session.ts";

const factory = createFactory<AppEnv>();

/**
 * GET /api/locale: the language to show (R36), as detected for this request: the language
 * cookie, else Accept-Language on a first visit, else Japanese. The SPA asks before it renders.
 */
export const getLocale = factory.createHandlers(async (c) => c.json({ locale: localeOf(c) }));

/**
 * PUT /api/locale: the customer chose a language. This browser keeps it (the language cookie)
 * whether or not anyone is logged in; a logged-in customer's choice is also their preference in
 * core (mails, and the language after their next login elsewhere) and in their session.
 */
export const putLocale = factory.createHandlers(requireJson, jsonBody(localeBodySchema), async (c) => {
  const { locale } = c.req.valid("json");
  setLocaleCookie(c, locale);
  const found = await lookupSession(c);
  if (found.status === "active") {
    await c.get("deps").core.call("changeCustomerLocale", {
      params: { customerId: found.data.customerId },
      body: { locale },
      ...requestOf(c),
    });
    // Choosing a language is the customer's doing: activity, like any other change.
    await touchSession(c, found.id, { ...found.data, locale });
  }
  return c.json({ locale });
});

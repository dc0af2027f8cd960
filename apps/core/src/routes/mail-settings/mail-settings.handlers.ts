import type { RouteHandler } from "@hono/zod-openapi";
import { findCustomerSummary } from "../../domain/customers.ts";
import { changeMailSetting as changeSetting } from "../../domain/mail-settings.ts";
import { AppError } from "../../lib/errors.ts";
import type { AppBindings } from "../../lib/types.ts";
import { readMailSettings } from "../../mail/settings.ts";
import type { changeMailSetting, getMailSettings } from "./mail-settings.routes.ts";

export const getMailSettingsHandler: RouteHandler<typeof getMailSettings, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  if (!(await findCustomerSummary(c.get("db"), customerId))) throw new AppError("not_found", 404);
  return c.json(await readMailSettings(c.get("db"), customerId), 200);
};

export const changeMailSettingHandler: RouteHandler<typeof changeMailSetting, AppBindings> = async (c) => {
  const { customerId } = c.req.valid("param");
  const { change, client } = c.req.valid("json");
  const settings = await changeSetting(c.get("db"), c.get("services"), {
    customerId,
    change,
    client,
    requestId: c.get("requestId"),
  });
  return c.json(settings, 200);
};

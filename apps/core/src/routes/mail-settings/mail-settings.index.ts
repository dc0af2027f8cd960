import { createRouter } from "../../lib/create-router.ts";
import { changeMailSettingHandler, getMailSettingsHandler } from "./mail-settings.handlers.ts";
import { changeMailSetting, getMailSettings } from "./mail-settings.routes.ts";

export const mailSettingsRouter = createRouter()
  .openapi(getMailSettings, getMailSettingsHandler)
  .openapi(changeMailSetting, changeMailSettingHandler);

import { createRouter } from "../../lib/create-router.ts";
import { getMailSettingsHandler } from "./mail-settings.handlers.ts";
import { getMailSettings } from "./mail-settings.routes.ts";

export const mailSettingsRouter = createRouter().openapi(getMailSettings, getMailSettingsHandler);

import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { requireSession } from "../../middleware/session.ts";
import {
  changeEmail,
  changeMailSetting,
  changeProfile,
  getAccountOpenings,
  getEmails,
  getMailSettings,
  getProfile,
} from "./registered-info.handlers.ts";

/** 口座管理's registered-information screens (R20–R22), all behind the step-up engine. */
export const registeredInfoRoutes = new Hono<AppEnv>()
  .use("/me/*", requireSession)
  .get("/me/profile", ...getProfile)
  .put("/me/profile", ...changeProfile)
  .get("/me/account-openings", ...getAccountOpenings)
  .get("/me/emails", ...getEmails)
  .put("/me/emails", ...changeEmail)
  .get("/me/mail-settings", ...getMailSettings)
  .put("/me/mail-settings", ...changeMailSetting);

import { z } from "zod";

/**
 * The 6-digit 認証コード as a customer types it (R13): a step-up's, a new device's and a
 * password reset's. Its own module so the login screen's forms do not load the step-up table.
 */
export const authCodeSchema = z
  .string({ error: "認証コードを入力してください。" })
  .trim()
  .regex(/^\d{6}$/, "認証コードは6桁の半角数字で入力してください。");

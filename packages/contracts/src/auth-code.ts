import { z } from "zod";
import { messageRef } from "./message-ref.ts";

/**
 * The 6-digit 認証コード as a customer types it (R13): a step-up's, a new device's and a
 * password reset's. Its own module so the login screen's forms do not load the step-up table.
 */
export const authCodeSchema = z
  .string({ error: messageRef("validation.required", { field: "fields.authCode" }) })
  .trim()
  .regex(/^\d{6}$/, "validation.authCode.format");

import { z } from "zod";
import { authCodeSchema } from "./auth-code.ts";

/**
 * New-device detection (issue 15, decision 013). The BFF keeps a random device id in a
 * cookie and sends core only `sha256("kakunin-device:v1:" + id)` (hex): core recognises the
 * device without ever holding a value that would rebuild the cookie.
 */
export const deviceHashSchema = z.string().regex(/^[0-9a-f]{64}$/, "validation.deviceHash.format");

/** Browser → BFF: the 認証コード mailed for a login from a new device. */
export const deviceVerificationRequestSchema = z.strictObject({ code: authCodeSchema });
export type DeviceVerificationRequest = z.infer<typeof deviceVerificationRequestSchema>;

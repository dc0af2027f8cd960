import { Hono } from "hono";
import type { AppEnv } from "../../lib/types.ts";
import { requireSession } from "../../middleware/session.ts";
import {
  deletePasskey,
  listPasskeys,
  loginOptions,
  passkeyLogin,
  registerPasskey,
  registrationOptions,
  renamePasskey,
} from "./passkeys.handlers.ts";

/**
 * Passkeys (issue 14): パスキー設定 for the logged-in customer, and the passkey login (no
 * session yet). The session guard names its paths: mounted at the API's root, a `/me/*`
 * guard here would run again for every other /me route too.
 */
export const passkeyRoutes = new Hono<AppEnv>()
  .use("/me/passkeys", requireSession)
  .use("/me/passkeys/*", requireSession)
  .use("/me/passkey-registration-options", requireSession)
  .get("/me/passkeys", ...listPasskeys)
  .post("/me/passkey-registration-options", ...registrationOptions)
  .post("/me/passkeys", ...registerPasskey)
  .patch("/me/passkeys/:passkeyId", ...renamePasskey)
  .post("/me/passkeys/:passkeyId/deletion", ...deletePasskey)
  .post("/session/passkey-options", ...loginOptions)
  .post("/session/passkey", ...passkeyLogin);

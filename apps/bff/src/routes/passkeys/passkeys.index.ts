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

/** Passkeys (issue 14): パスキー設定 for the logged-in customer, and the passkey login. */
export const passkeyRoutes = new Hono<AppEnv>()
  .use("/me/*", requireSession)
  .get("/me/passkeys", ...listPasskeys)
  .post("/me/passkey-registration-options", ...registrationOptions)
  .post("/me/passkeys", ...registerPasskey)
  .patch("/me/passkeys/:passkeyId", ...renamePasskey)
  .post("/me/passkeys/:passkeyId/deletion", ...deletePasskey)
  .post("/session/passkey-options", ...loginOptions)
  .post("/session/passkey", ...passkeyLogin);

import { createRouter } from "../../lib/create-router.ts";
import {
  authenticationOptionsHandler,
  deletePasskeyHandler,
  listPasskeysHandler,
  passkeyLoginHandler,
  registerPasskeyHandler,
  registrationOptionsHandler,
  removePasskeysHandler,
  renamePasskeyHandler,
  verifyAssertionHandler,
} from "./passkeys.handlers.ts";
import {
  deletePasskey,
  listPasskeys,
  passkeyAuthenticationOptions,
  passkeyLogin,
  passkeyRegistrationOptions,
  registerPasskey,
  removePasskeys,
  renamePasskey,
  verifyPasskeyAssertion,
} from "./passkeys.routes.ts";

/** Passkeys (issue 14), the BFF's side: mounted under core's service credential (/v1). */
export const passkeysRouter = createRouter()
  .openapi(passkeyRegistrationOptions, registrationOptionsHandler)
  .openapi(registerPasskey, registerPasskeyHandler)
  .openapi(listPasskeys, listPasskeysHandler)
  .openapi(renamePasskey, renamePasskeyHandler)
  .openapi(deletePasskey, deletePasskeyHandler)
  .openapi(passkeyAuthenticationOptions, authenticationOptionsHandler)
  .openapi(verifyPasskeyAssertion, verifyAssertionHandler)
  .openapi(passkeyLogin, passkeyLoginHandler);

/** Recovery by the operator after 本人確認: mounted after the operator credential's middleware (/ops). */
export const passkeysOpsRouter = createRouter().openapi(removePasskeys, removePasskeysHandler);

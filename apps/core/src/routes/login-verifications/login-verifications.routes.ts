import { createRoute } from "@hono/zod-openapi";
import { coreRoutes } from "@kakunin/contracts/core-api";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { commonErrorResponses, hashGateResponses, jsonContent } from "../../lib/openapi-responses.ts";

const d = coreRoutes.verifyLogin;

export const verifyLogin = createRoute({
  method: d.method,
  path: d.path,
  summary: d.summary,
  tags: ["login"],
  request: { body: { content: { "application/json": { schema: d.body } }, required: true } },
  responses: {
    200: jsonContent(d.response, "Credentials are valid"),
    ...commonErrorResponses,
    403: jsonContent(
      errorBodySchema,
      "The password is right but the customer has a usable passkey and must log in with it (passkey_login_required), or the device is new and a 認証コード was mailed (device_verification_required, codeSentTo)",
    ),
    422: jsonContent(errorBodySchema, "Customer code or password is wrong (invalid_credentials)"),
    ...hashGateResponses,
  },
});

const code = coreRoutes.verifyLoginCode;

export const verifyLoginCode = createRoute({
  method: code.method,
  path: code.path,
  summary: code.summary,
  tags: ["login"],
  request: { body: { content: { "application/json": { schema: code.body } }, required: true } },
  responses: {
    200: jsonContent(code.response, "The login is complete: the device is known and the cooling period started"),
    ...commonErrorResponses,
    410: jsonContent(
      errorBodySchema,
      "No live code for this login: expired, used or void (device_verification_expired)",
    ),
    422: jsonContent(errorBodySchema, "Wrong code (wrong_auth_code, remainingCodeAttempts)"),
  },
});

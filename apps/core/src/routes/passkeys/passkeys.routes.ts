import { createRoute } from "@hono/zod-openapi";
import { coreRoutes, type RouteDescriptor } from "@kakunin/contracts/core-api";
import { errorBodySchema } from "@kakunin/contracts/errors";
import {
  opsActionRequestSchema,
  opsActionResponseSchema,
  opsCustomerPathSchema,
  opsRoutes,
} from "@kakunin/contracts/ops";
import { commonErrorResponses, jsonContent, notFoundResponse } from "../../lib/openapi-responses.ts";

const {
  passkeyRegistrationOptions: regOptions,
  registerPasskey: register,
  listPasskeys: list,
  renamePasskey: rename,
  deletePasskey: remove,
  passkeyAuthenticationOptions: authOptions,
  verifyPasskeyAssertion: assertion,
  passkeyLogin: login,
} = coreRoutes;

const base = (route: RouteDescriptor) => ({
  method: route.method,
  path: route.path,
  summary: route.summary,
  tags: ["passkeys"],
});
const jsonBody = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

const refusals = {
  422: jsonContent(
    errorBodySchema,
    "The ceremony did not verify (passkey_invalid), names no usable credential (passkey_unknown) or signs another challenge (passkey_challenge_expired)",
  ),
};
const limitResponse = { 409: jsonContent(errorBodySchema, "The customer already has 10 passkeys (passkey_limit)") };

export const passkeyRegistrationOptions = createRoute({
  ...base(regOptions),
  request: { params: regOptions.params, body: jsonBody(regOptions.body) },
  responses: {
    200: jsonContent(regOptions.response, "PublicKeyCredentialCreationOptionsJSON for the browser"),
    ...commonErrorResponses,
    ...notFoundResponse,
    ...limitResponse,
    ...refusals,
  },
});

export const registerPasskey = createRoute({
  ...base(register),
  request: { params: register.params, body: jsonBody(register.body) },
  responses: {
    201: jsonContent(register.response, "Stored; パスキー登録通知 is mailed"),
    ...commonErrorResponses,
    ...notFoundResponse,
    ...limitResponse,
    ...refusals,
  },
});

export const listPasskeys = createRoute({
  ...base(list),
  request: { params: list.params },
  responses: { 200: jsonContent(list.response, "The passkeys"), ...commonErrorResponses, ...notFoundResponse },
});

const passkeyNotFound = {
  404: jsonContent(errorBodySchema, "No such customer, or no such passkey of theirs (not_found)"),
};

export const renamePasskey = createRoute({
  ...base(rename),
  request: { params: rename.params, body: jsonBody(rename.body) },
  responses: { 200: jsonContent(rename.response, "Renamed"), ...commonErrorResponses, ...passkeyNotFound },
});

export const deletePasskey = createRoute({
  ...base(remove),
  request: { params: remove.params, body: jsonBody(remove.body) },
  responses: {
    200: jsonContent(remove.response, "Deleted; the passkeys left. パスキー削除通知 is mailed"),
    ...commonErrorResponses,
    ...passkeyNotFound,
  },
});

export const passkeyAuthenticationOptions = createRoute({
  ...base(authOptions),
  request: { body: jsonBody(authOptions.body) },
  responses: {
    200: jsonContent(authOptions.response, "PublicKeyCredentialRequestOptionsJSON for the browser"),
    ...commonErrorResponses,
    403: jsonContent(
      errorBodySchema,
      "A step-up for a customer with no usable passkey: they must register one first (passkey_registration_required)",
    ),
    ...notFoundResponse,
  },
});

export const verifyPasskeyAssertion = createRoute({
  ...base(assertion),
  request: { body: jsonBody(assertion.body) },
  responses: {
    200: jsonContent(assertion.response, "Verified: the customer and the passkey"),
    ...commonErrorResponses,
    403: jsonContent(errorBodySchema, "The passkey is suspended (passkey_suspended)"),
    ...refusals,
  },
});

export const passkeyLogin = createRoute({
  ...base(login),
  request: { body: jsonBody(login.body) },
  responses: {
    200: jsonContent(login.response, "Verified and recorded as a login (ログイン履歴, ログイン通知): the customer"),
    ...commonErrorResponses,
    403: jsonContent(errorBodySchema, "The passkey is suspended (passkey_suspended)"),
    ...refusals,
  },
});

export const removePasskeys = createRoute({
  ...opsRoutes.removePasskeys,
  summary: "Recovery after 本人確認: remove every passkey of the customer; mails パスキー一括削除通知",
  tags: ["ops"],
  security: [{ operator: [] }],
  request: { params: opsCustomerPathSchema, body: jsonBody(opsActionRequestSchema) },
  responses: {
    200: jsonContent(opsActionResponseSchema, "removed or had_none"),
    ...commonErrorResponses,
    ...notFoundResponse,
  },
});
